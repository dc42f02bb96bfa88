import { DataSource, type MigrationInterface } from 'typeorm';
import { PostgresEventStore, type RecordedEvent } from '@l10k/eventstore';
import { liveTables, projectBatch, readModelEntities, type Projection } from '@l10k/read-model';
import { createTestDatabase } from '../../../test/test-database';
import { waitForVisibleLog } from './visible-log';
import { WorkflowRecorder } from './workflow-recorder';
import { writeSimulation } from './workflow-simulation';

/** A migrated database with a simulated log written to it, for a migration's spec to move up and down. */
export interface MigrationFixture {
  readonly store: PostgresEventStore;
  readonly dataSource: DataSource;
  /** The whole log, as the projector reads it. */
  readonly events: RecordedEvent[];
  /** Folds the whole log into the projection's live tables, in one batch. */
  project(projection: Projection): Promise<void>;
  rowCount(table: string): Promise<number>;
  /** Runs one direction of the migration in a transaction of its own, as TypeORM runs it. */
  migrate(direction: 'up' | 'down'): Promise<void>;
  close(): Promise<void>;
}

export async function migrationFixture(
  purpose: string,
  migration: MigrationInterface,
  simulation: { readonly seed: number; readonly applications: number; readonly perAppend: number },
): Promise<MigrationFixture> {
  const url = await createTestDatabase(purpose);
  const store = await PostgresEventStore.connect({ connectionString: url });
  const dataSource = new DataSource({ type: 'postgres', url, entities: readModelEntities });
  await dataSource.initialize();
  const recorder = new WorkflowRecorder(store);
  recorder.setBudget(2025, 50_000_000_000, '2025-04-01T09:00:00+09:00');
  await writeSimulation(recorder, { ...simulation, from: 0 });
  await waitForVisibleLog(store, recorder.eventsWritten);
  const events: RecordedEvent[] = [];
  for await (const batch of store.readAll()) events.push(...batch);
  return {
    store,
    dataSource,
    events,
    project: (projection) =>
      dataSource.transaction((manager) =>
        projectBatch(manager, projection, events, liveTables(projection), store),
      ),
    rowCount: async (table) => Number((await dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n),
    async migrate(direction) {
      const queryRunner = dataSource.createQueryRunner();
      try {
        await queryRunner.startTransaction();
        await migration[direction](queryRunner);
        await queryRunner.commitTransaction();
      } finally {
        await queryRunner.release();
      }
    },
    async close() {
      await store.close();
      await dataSource.destroy();
    },
  };
}
