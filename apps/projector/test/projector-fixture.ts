import { DataSource, type EntityManager } from 'typeorm';
import { PostgresEventStore } from '@l10k/eventstore';
import { readModelEntities, readModelProjections } from '@l10k/read-model';
import { createTestDatabase } from '../../../test/test-database';

export interface ProjectorFixture {
  readonly url: string;
  readonly store: PostgresEventStore;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

/** A fresh migrated database with the PostgreSQL event store and a read-model DataSource on it. */
export async function startProjectorFixture(purpose: string): Promise<ProjectorFixture> {
  const url = await createTestDatabase(purpose);
  const store = await PostgresEventStore.connect({ connectionString: url });
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: readModelEntities,
    extra: { max: 20 },
  });
  await dataSource.initialize();
  return {
    url,
    store,
    dataSource,
    close: async () => {
      await store.close();
      await dataSource.destroy();
    },
  };
}

/** Every table a projection owns, live names. */
export const readModelTables = (): string[] =>
  readModelProjections.flatMap((projection) => [...projection.tables]);

/** A table's full contents ordered by its primary key, for row-for-row comparison. */
export async function tableRows(manager: EntityManager, table: string): Promise<unknown[]> {
  const keys: Array<{ column: string }> = await manager.query(
    `SELECT a.attname AS column
       FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey, a.attnum)`,
    [table],
  );
  return manager.query(`SELECT * FROM ${table} ORDER BY ${keys.map((key) => key.column).join(', ')}`);
}

/** Every read model's rows, keyed by table. */
export async function readModelSnapshot(manager: EntityManager): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of readModelTables()) snapshot[table] = await tableRows(manager, table);
  return snapshot;
}
