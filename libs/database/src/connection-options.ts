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

/**
 * The API's reads are prepared statements run thousands of times a minute, each looking rows up
 * by key or reading a page in index order. Left to choose (plan_cache_mode=auto), PostgreSQL
 * planned every execution of them anew: the generic plan of a statement taking an array of
 * keys is estimated for 10–100 keys, so the custom plan for the actual few always looked
 * cheaper, and planning a join costs more than running it. Measured on bench:api's 10,000
 * summaries, backend CPU per execution of GET by id's statement (4 keys): 137–167 µs planned
 * each time, 57–77 µs with the generic plan; its earlier form (`id = ANY($1::uuid[])`) 110–117
 * against 73. Single-table statements (the list's filters) were already given generic plans.
 */
const GENERIC_PLANS = '-c plan_cache_mode=force_generic_plan';

/**
 * The read models' TypeORM connection, the same for the API and the projector. `genericPlans`:
 * the API's (see GENERIC_PLANS); the projector's batch statements are planned for what they carry.
 */
export function readModelConnectionOptions(
  config: AppConfig,
  { poolSize = 10, genericPlans = false }: { poolSize?: number; genericPlans?: boolean } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: requireDatabaseUrl(config),
    entities: readModelEntities,
    // The schema belongs to migrations, which the launcher runs before any app starts.
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: IDLE_TIMEOUT_MS,
      allowExitOnIdle: true,
      ...(genericPlans ? { options: GENERIC_PLANS } : {}),
    },
  };
}

/** EVENTSTORE picks the adapter; PostgreSQL shares the database of the read models. */
export function eventStoreOptions(config: AppConfig): EventStoreModuleOptions {
  if (config.eventStore === 'kurrentdb' && config.kurrentDbUrl) {
    return { kind: 'kurrentdb', connectionString: config.kurrentDbUrl };
  }
  return { kind: 'postgres', connectionString: requireDatabaseUrl(config) };
}
