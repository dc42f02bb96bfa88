import { DataSource } from 'typeorm';
import { PostgresEventStore, type RecordedEvent } from '@l10k/eventstore';
import { applicationHistoryProjection, readModelEntities } from '@l10k/read-model';
import { createTestDatabase } from '../../../../test/test-database';
import { tableRows, waitForVisibleLog, WorkflowRecorder, writeSimulation } from '../../test';

describe('the application history', () => {
  let store: PostgresEventStore;
  let dataSource: DataSource;
  let events: RecordedEvent[];

  /** The batch into `table`, in one transaction, as the runner offers it. */
  const project = (batch: readonly RecordedEvent[], table: string): Promise<void> =>
    dataSource.transaction((manager) =>
      applicationHistoryProjection.project(
        manager,
        batch.filter((event) => event.streamId.startsWith('application-')),
        { application_history: table },
        store,
      ),
    );

  /** The same events as another store, or an upcaster, would give them: not as the `events` table holds them. */
  const readElsewhere = (batch: readonly RecordedEvent[]): RecordedEvent[] =>
    batch.map((event) => ({
      ...event,
      metadata: { ...event.metadata, schemaVersion: event.metadata.schemaVersion + 1 },
    }));

  /** The rows as PostgreSQL renders them (every digit of an instant), in key order. */
  const rowsAsText = async (table: string): Promise<string[]> =>
    (
      (await dataSource.query(
        `SELECT t::text AS row FROM ${table} t ORDER BY application_id, revision`,
      )) as Array<{ row: string }>
    ).map(({ row }) => row);

  beforeAll(async () => {
    const url = await createTestDatabase('application_history');
    store = await PostgresEventStore.connect({ connectionString: url });
    dataSource = new DataSource({ type: 'postgres', url, entities: readModelEntities });
    await dataSource.initialize();
    const recorder = new WorkflowRecorder(store);
    recorder.setBudget(2025, 50_000_000_000, '2025-04-01T09:00:00+09:00');
    await writeSimulation(recorder, { seed: 7, from: 0, applications: 30, perAppend: 5 });
    await waitForVisibleLog(store, recorder.eventsWritten);
    events = [];
    for await (const batch of store.readAll()) events.push(...batch);
    await dataSource.query('CREATE TABLE history_elsewhere (LIKE application_history INCLUDING ALL)');
  });

  afterAll(async () => {
    await store.close();
    await dataSource.destroy();
  });

  it('holds the same rows whether the event data is copied from the store’s table or sent with the batch', async () => {
    await project(events, 'application_history');
    await project(readElsewhere(events), 'history_elsewhere');
    const copied = await tableRows(dataSource.manager, 'application_history');
    expect(copied.length).toBe(events.filter((event) => event.streamId.startsWith('application-')).length);
    expect(await tableRows(dataSource.manager, 'history_elsewhere')).toEqual(copied);
    expect(await rowsAsText('history_elsewhere')).toEqual(await rowsAsText('application_history'));
  });

  it('keeps an event’s data as it was read when an upcaster changed it, not as it is stored', async () => {
    const created = events.find((event) => event.type === 'ApplicationCreated')!;
    const upcast: RecordedEvent = {
      ...created,
      data: { ...created.data, upcast: true },
      metadata: { ...created.metadata, schemaVersion: created.metadata.schemaVersion + 1 },
    };
    await dataSource.query('TRUNCATE history_elsewhere');
    await project([upcast], 'history_elsewhere');
    const [row] = await dataSource.query('SELECT data FROM history_elsewhere');
    expect(row.data).toEqual({ ...created.data, upcast: true });
  });

  it('takes the data from the store’s own row when the event is read as stored', async () => {
    const created = events.find((event) => event.type === 'ApplicationCreated')!;
    await dataSource.query('TRUNCATE history_elsewhere');
    // Not what any store would give: only the stored row can have put the original data there.
    await project([{ ...created, data: { sentWithTheBatch: true } }], 'history_elsewhere');
    const [row] = await dataSource.query('SELECT data FROM history_elsewhere');
    expect(row.data).toEqual(created.data);
  });

  it('changes nothing when the batch is delivered again', async () => {
    const before = await tableRows(dataSource.manager, 'application_history');
    await project(events, 'application_history');
    await project(readElsewhere(events.slice(0, 20)), 'application_history');
    expect(await tableRows(dataSource.manager, 'application_history')).toEqual(before);
  });
});
