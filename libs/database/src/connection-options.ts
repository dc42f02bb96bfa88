import type { DataSourceOptions } from 'typeorm';
import { AppConfig, requireDatabaseUrl } from '@l10k/config';
import type { EventStoreModuleOptions } from '@l10k/eventstore';
import { readModelEntities } from '@l10k/read-model';

/**
 * Read connections outlive a lull of a few minutes, as the event store's do (its
 * DEFAULT_IDLE_TIMEOUT_MS): a new one costs PostgreSQL tens of ms of CPU (a backend,
 * authentication) and loses the statements prepared on it, where pg's default of 10 s
 * reopened the pool after every short pause.
 */
const IDLE_TIMEOUT_MS = 300_000;

/** The read models' TypeORM connection, the same for the API and the projector. */
export function readModelConnectionOptions(config: AppConfig, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: requireDatabaseUrl(config),
    entities: readModelEntities,
    // The schema belongs to migrations, which the launcher runs before any app starts.
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize, connectionTimeoutMillis: 5000, idleTimeoutMillis: IDLE_TIMEOUT_MS, allowExitOnIdle: true },
  };
}

/** EVENTSTORE picks the adapter; PostgreSQL shares the database of the read models. */
export function eventStoreOptions(config: AppConfig): EventStoreModuleOptions {
  if (config.eventStore === 'kurrentdb' && config.kurrentDbUrl) {
    return { kind: 'kurrentdb', connectionString: config.kurrentDbUrl };
  }
  return { kind: 'postgres', connectionString: requireDatabaseUrl(config) };
}
