import { DataSource } from 'typeorm';
import { PostgresEventStore, type RecordedEvent } from '@l10k/eventstore';
import {
  applicationSummariesProjection,
  liveTables,
  PostgresCheckpointStore,
  projectBatch,
  readModelEntities,
} from '@l10k/read-model';
import { createTestDatabase } from '../../../../test/test-database';
import { waitForVisibleLog, WorkflowRecorder, writeSimulation } from '../../test';
import { SummaryStateFoldedFromTheLog1733000000000 } from './1733000000000-summary-state-folded-from-the-log';

describe('the migration that stops storing a summary’s folded state', () => {
  let store: PostgresEventStore;
  let dataSource: DataSource;
  let events: RecordedEvent[];
  const migration = new SummaryStateFoldedFromTheLog1733000000000();

  const columns = async (): Promise<Array<{ name: string; type: string; nullable: string }>> =>
    dataSource.query(
      `SELECT column_name AS name, data_type AS type, is_nullable AS nullable FROM information_schema.columns
        WHERE table_name = 'application_summaries' AND column_name IN ('state', 'detail') ORDER BY column_name`,
    );
  const count = async (table: string): Promise<number> =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const project = (): Promise<void> =>
    dataSource.transaction((manager) =>
      projectBatch(
        manager,
        applicationSummariesProjection,
        events,
        liveTables(applicationSummariesProjection),
        store,
      ),
    );
  const migrate = async (direction: 'up' | 'down'): Promise<void> => {
    const queryRunner = dataSource.createQueryRunner();
    try {
      await queryRunner.startTransaction();
      await migration[direction](queryRunner);
      await queryRunner.commitTransaction();
    } finally {
      await queryRunner.release();
    }
  };

  beforeAll(async () => {
    const url = await createTestDatabase('summary_state_migration');
    store = await PostgresEventStore.connect({ connectionString: url });
    dataSource = new DataSource({ type: 'postgres', url, entities: readModelEntities });
    await dataSource.initialize();
    const recorder = new WorkflowRecorder(store);
    recorder.setBudget(2025, 50_000_000_000, '2025-04-01T09:00:00+09:00');
    await writeSimulation(recorder, { seed: 3, from: 0, applications: 4, perAppend: 2 });
    await waitForVisibleLog(store, recorder.eventsWritten);
    events = [];
    for await (const batch of store.readAll()) events.push(...batch);
  });

  afterAll(async () => {
    await store.close();
    await dataSource.destroy();
  });

  it('leaves the summary its detail only (up, as every database now stands)', async () => {
    expect(await columns()).toEqual([{ name: 'detail', type: 'json', nullable: 'NO' }]);
    await project();
    expect(await count('application_summaries')).toBe(4);
  });

  it('down: gives the column back and empties the projection’s tables with its checkpoint, so the projector refolds them; up again drops it', async () => {
    const checkpoints = new PostgresCheckpointStore(dataSource);
    await checkpoints.advance(
      'application_summaries',
      (await checkpoints.position('application_summaries')).checkpoint,
      {
        checkpoint: events[events.length - 1].checkpoint,
        events: events.length,
      },
    );
    await migrate('down');
    expect(await columns()).toEqual([
      { name: 'detail', type: 'json', nullable: 'NO' },
      { name: 'state', type: 'json', nullable: 'NO' },
    ]);
    for (const table of applicationSummariesProjection.tables) expect(await count(table)).toBe(0);
    expect(await checkpoints.position('application_summaries')).toEqual({
      checkpoint: null,
      eventsProcessed: 0,
    });

    await migrate('up');
    expect(await columns()).toEqual([{ name: 'detail', type: 'json', nullable: 'NO' }]);
    await project();
    expect(await count('application_summaries')).toBe(4);
  });
});
