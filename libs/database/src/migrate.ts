import { DataSource } from 'typeorm';
import { eventStoreMigrations } from '@l10k/eventstore';
import { readModelMigrations, readModelEntities } from '@l10k/read-model';

/** The one list of schema migrations, event store first, in the order they run. */
export const allMigrations = [...eventStoreMigrations, ...readModelMigrations];

export function createMigrationDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: readModelEntities,
    migrations: allMigrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    logging: false,
  });
}

/** Brings the database at `url` up to the current schema; returns the names of the migrations it ran. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = createMigrationDataSource(url);
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations();
    return ran.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
