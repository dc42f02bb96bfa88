import { randomUUID } from 'node:crypto';
import { Client, type QueryConfig } from 'pg';
import type { ReadStreamOptions } from '@l10k/eventstore';
import { useWorkflowApi } from './api-test-app';
import { completePlan } from './workflow-client';

/** A statement as the spec names it: a prepared statement's name, else its first words. */
const label = (query: unknown): string => {
  if (typeof query === 'object' && query !== null) {
    const config = query as QueryConfig;
    return config.name ?? config.text.trim().split(/\s+/).slice(0, 3).join(' ');
  }
  return String(query).trim().split(/\s+/).slice(0, 3).join(' ');
};

/**
 * What one write costs the database, counted at the driver (every pg Client.query of the
 * API's pools): a creation and a submission read only the budget events after the fold the
 * process keeps, and send as few statements as the write needs. The coalesced NOTIFY after
 * a commit (append-notifier.ts) is left out: it is sent after the answer is decided, at most
 * one at a time, shared by the appends that committed meanwhile.
 */
describe('round trips of a write', () => {
  const api = useWorkflowApi('2025-06-02T10:00:00+09:00');
  const town = () => api.client.municipality();
  let statements: jest.SpyInstance;
  let reads: Array<{ streamId: string; options?: ReadStreamOptions; events: number }>;

  beforeAll(async () => {
    await api.client
      .officer()
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 1_000_000_000, intakeOpen: true })
      .expect(200);
    // The first write of the process folds the budget stream once.
    await town().post('/v1/applications', { plan: completePlan() }).expect(201);
    const readStream = api.store.readStream.bind(api.store);
    jest.spyOn(api.store, 'readStream').mockImplementation(async (streamId, options) => {
      const events = await readStream(streamId, options);
      reads.push({ streamId, ...(options ? { options } : {}), events: events.length });
      return events;
    });
    statements = jest.spyOn(Client.prototype, 'query');
  });

  afterAll(() => jest.restoreAllMocks());

  const measured = async <T>(write: () => Promise<T>): Promise<{ result: T; sent: string[] }> => {
    reads = [];
    statements.mockClear();
    const result = await write();
    const sent = statements.mock.calls
      .map(([query]) => label(query))
      .filter((name) => !name.startsWith('NOTIFY '));
    return { result, sent };
  };

  it('a creation: the budget events after the kept fold (none), then the append — two statements', async () => {
    const { result, sent } = await measured(() =>
      town().post('/v1/applications', { plan: completePlan() }).expect(201),
    );
    expect(result.body.status).toBe('draft');
    expect(reads).toEqual([{ streamId: 'fiscal-year-2025', options: { fromRevision: 1n }, events: 0 }]);
    expect(sent).toEqual(['eventstore_read_stream', 'eventstore_append']);
  });

  it('a submission: its own stream and the budget’s new events side by side, then the append — three statements', async () => {
    const created = await town().post('/v1/applications', { plan: completePlan() }).expect(201);
    const { sent } = await measured(() =>
      town().post(`/v1/applications/${created.body.id}/submit`).expect(200),
    );
    expect(reads).toEqual([
      { streamId: `application-${created.body.id}`, events: 1 },
      { streamId: 'fiscal-year-2025', options: { fromRevision: 1n }, events: 0 },
    ]);
    expect(sent).toEqual(['eventstore_read_stream', 'eventstore_read_stream', 'eventstore_append']);
  });

  it('a creation with an Idempotency-Key looks the key up beside its reads, then appends and records the answer', async () => {
    const { sent } = await measured(() =>
      town()
        .post('/v1/applications', { plan: completePlan() }, { 'idempotency-key': randomUUID() })
        .expect(201),
    );
    expect(sent.slice(0, 3).sort()).toEqual(
      ['SELECT fingerprint, status,', 'eventstore_read_stream', 'eventstore_read_stream'].sort(),
    );
    expect(sent.slice(3)).toEqual(['eventstore_append', 'INSERT INTO idempotency_records']);
  });

  it('a repeat with the same Idempotency-Key is answered from its record and appends nothing', async () => {
    const key = randomUUID();
    const first = await town()
      .post('/v1/applications', { plan: completePlan() }, { 'idempotency-key': key })
      .expect(201);
    const { result, sent } = await measured(() =>
      town().post('/v1/applications', { plan: completePlan() }, { 'idempotency-key': key }).expect(201),
    );
    expect(result.body).toEqual(first.body);
    expect(sent).not.toContain('eventstore_append');
    expect(sent).not.toContain('INSERT INTO idempotency_records');
  });

  it('a budget event written meanwhile is read on the next write, and only it', async () => {
    await api.client
      .officer()
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 1_000_000_000, intakeOpen: false })
      .expect(200);
    const refused = await measured(() =>
      town().post('/v1/applications', { plan: completePlan() }).expect(201),
    );
    expect(reads).toEqual([{ streamId: 'fiscal-year-2025', options: { fromRevision: 1n }, events: 1 }]);
    // The fold carried on with it: intake is closed now, which the draft's warnings say.
    expect(JSON.stringify(refused.result.body.warnings)).toContain('intake');
  });
});
