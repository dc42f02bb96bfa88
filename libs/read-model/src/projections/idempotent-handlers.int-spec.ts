import { DataSource } from 'typeorm';
import { PostgresEventStore, type RecordedEvent } from '@l10k/eventstore';
import { liveTables, projectBatch, readModelEntities, readModelProjections } from '@l10k/read-model';
import { createTestDatabase } from '../../../../test/test-database';
import { readModelSnapshot, waitForVisibleLog, WorkflowRecorder, writeSimulation } from '../../test';

describe('the projections’ handlers', () => {
  let store: PostgresEventStore;
  let dataSource: DataSource;
  let events: RecordedEvent[];

  /** One batch to every projection, in one transaction, as the runner offers it. */
  const deliver = async (batch: readonly RecordedEvent[]): Promise<void> => {
    await dataSource.transaction(async (manager) => {
      for (const projection of readModelProjections)
        await projectBatch(manager, projection, batch, liveTables(projection), store);
    });
  };

  beforeAll(async () => {
    const url = await createTestDatabase('idempotent_handlers');
    store = await PostgresEventStore.connect({ connectionString: url });
    dataSource = new DataSource({ type: 'postgres', url, entities: readModelEntities });
    await dataSource.initialize();
    const recorder = new WorkflowRecorder(store);
    recorder.setBudget(2025, 50_000_000_000, '2025-04-01T09:00:00+09:00');
    await writeSimulation(recorder, { seed: 5, from: 0, applications: 60, perAppend: 6 });
    await waitForVisibleLog(store, recorder.eventsWritten);
    events = [];
    for await (const batch of store.readAll()) events.push(...batch);
    await deliver(events);
  });

  afterAll(async () => {
    await store.close();
    await dataSource.destroy();
  });

  it('change nothing when the whole log is delivered again', async () => {
    const once = await readModelSnapshot(dataSource.manager);
    expect(once.application_summaries.length).toBe(60);
    await deliver(events);
    expect(await readModelSnapshot(dataSource.manager)).toEqual(once);
  });

  it('change nothing when old events arrive late, newest first (a resubmission, a decision, a budget commitment)', async () => {
    const once = await readModelSnapshot(dataSource.manager);
    await deliver([...events].reverse());
    expect(await readModelSnapshot(dataSource.manager)).toEqual(once);
  });

  it('leave a decided application out of the review queue even when its submission is delivered again', async () => {
    const decided = events.find((event) => event.type === 'ApplicationAdopted')!;
    const submission = events.find(
      (event) => event.streamId === decided.streamId && event.type === 'ApplicationSubmitted',
    )!;
    await deliver([submission]);
    const queued = await dataSource.query('SELECT 1 FROM review_queue WHERE application_id = $1', [
      decided.streamId.slice('application-'.length),
    ]);
    expect(queued).toEqual([]);
  });
});
