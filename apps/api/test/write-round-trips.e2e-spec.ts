import { randomUUID } from 'node:crypto';
import { Client, type QueryConfig } from 'pg';
import { schemaVersionOf, type FiscalYearBudgetSet } from '@l10k/domain';
import type { EventData, NewEvent, ReadStreamOptions, RecordedEvent } from '@l10k/eventstore';
import { IdempotencyService } from '../src/write/idempotency.service';
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

/** Revisions as numbers: Jest cannot carry a failure whose values hold a bigint back from its worker. */
const withNumbers = (options: ReadStreamOptions): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(options).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value]),
  );

/**
 * What one write costs the database, counted at the driver (every pg Client.query of the
 * API's pools). The process keeps the folds of the streams it read or wrote lately
 * (folded-streams.ts): a creation decides on the fiscal year's kept fold and a submission
 * on the draft it wrote, and the append alone confirms them (the draft at its expected
 * revision, the budget expected unchanged). A fold another process made stale costs a
 * failed append and a read of what came after it. The coalesced NOTIFY after a commit
 * (append-notifier.ts) is left out: it is sent after the answer is decided, at most one at
 * a time, shared by the appends that committed meanwhile. So are the listening connections'
 * own statements (LISTEN, and the heartbeat's NOTIFY: read-model-moves.ts), which come when
 * they (re)connect, not with a write: on a loaded machine one once landed inside a measured write.
 */
describe('round trips of a write', () => {
  const api = useWorkflowApi('2025-06-02T10:00:00+09:00');
  const town = () => api.client.municipality();
  const budgetStream = 'fiscal-year-2025';
  let statements: jest.SpyInstance;
  let reads: Array<{ streamId: string; options?: ReadStreamOptions; events: number }>;

  beforeAll(async () => {
    // The budget this process sets is a fold it keeps: no write below needs to read it first.
    await api.client
      .officer()
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 1_000_000_000, intakeOpen: true })
      .expect(200);
    const readStream = api.store.readStream.bind(api.store);
    jest.spyOn(api.store, 'readStream').mockImplementation(async (streamId, options) => {
      const events = await readStream(streamId, options);
      reads.push({
        streamId,
        ...(options && Object.keys(options).length > 0 ? { options: withNumbers(options) } : {}),
        events: events.length,
      });
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
      .filter((name) => !name.startsWith('NOTIFY ') && !name.startsWith('LISTEN '));
    return { result, sent };
  };

  /** A budget event as another API process would append it, behind this process's kept fold. */
  const budgetSetElsewhere = async (intakeOpen: boolean): Promise<void> => {
    const current = await api.store.readStream(budgetStream);
    const event: FiscalYearBudgetSet = {
      type: 'FiscalYearBudgetSet',
      data: {
        fiscalYear: 2025,
        nationalBudget: 1_000_000_000,
        intakeOpen,
        setAt: '2025-06-02T01:00:00.000Z',
        setBy: 'officer-elsewhere',
      },
    };
    await api.store.append(
      budgetStream,
      [
        {
          eventId: randomUUID(),
          type: event.type,
          data: event.data,
          metadata: {
            schemaVersion: schemaVersionOf(event),
            occurredAt: event.data.setAt,
            actor: { sub: 'officer-elsewhere', role: 'program_officer' },
            correlationId: randomUUID(),
            causationId: randomUUID(),
          },
        },
      ],
      { expectedRevision: current[current.length - 1].revision },
    );
  };

  /** Events of one application as another process would have appended them to another. */
  const copiedFor = (events: readonly RecordedEvent[], from: string, to: string): NewEvent[] =>
    events.map((event) => ({
      eventId: randomUUID(),
      type: event.type,
      data: JSON.parse(JSON.stringify(event.data).split(from).join(to)) as EventData,
      metadata: {
        schemaVersion: event.metadata.schemaVersion,
        occurredAt: event.metadata.occurredAt,
        actor: event.metadata.actor,
        correlationId: randomUUID(),
        causationId: randomUUID(),
      },
    }));

  it('a creation: the append alone, expecting the kept budget fold unchanged — one statement', async () => {
    const { result, sent } = await measured(() =>
      town().post('/v1/applications', { plan: completePlan() }).expect(201),
    );
    expect(result.body.status).toBe('draft');
    expect(reads).toEqual([]);
    expect(sent).toEqual(['eventstore_append']);
  });

  it('a submission of a draft this process wrote: the append alone — one statement', async () => {
    const created = await town().post('/v1/applications', { plan: completePlan() }).expect(201);
    const { result, sent } = await measured(() =>
      town().post(`/v1/applications/${created.body.id}/submit`).expect(200),
    );
    expect(result.body.status).toBe('submitted');
    expect(result.body.revision).toBe(1);
    expect(reads).toEqual([]);
    expect(sent).toEqual(['eventstore_append']);
    // What the process kept is what the store holds: the next write sees the submission.
    await town().post(`/v1/applications/${created.body.id}/submit`).expect(409);
  });

  it('a submission of an application another process wrote reads its stream, then appends — two statements', async () => {
    const created = await town().post('/v1/applications', { plan: completePlan() }).expect(201);
    const elsewhere = randomUUID();
    const copied = copiedFor(
      await api.store.readStream(`application-${created.body.id}`),
      created.body.id,
      elsewhere,
    );
    await api.store.append(`application-${elsewhere}`, copied, { expectedRevision: 'no_stream' });
    const { result, sent } = await measured(() =>
      town().post(`/v1/applications/${elsewhere}/submit`).expect(200),
    );
    expect(result.body.status).toBe('submitted');
    expect(reads).toEqual([{ streamId: `application-${elsewhere}`, events: 1 }]);
    expect(sent).toEqual(['eventstore_read_stream', 'eventstore_append']);
  });

  it('a creation with an Idempotency-Key looks the key up beside the read of its stream, then appends and records the answer', async () => {
    const { sent } = await measured(() =>
      town()
        .post('/v1/applications', { plan: completePlan() }, { 'idempotency-key': randomUUID() })
        .expect(201),
    );
    expect(sent.slice(0, 2).sort()).toEqual(['eventstore_read_stream', 'idempotency_replay']);
    expect(sent.slice(2)).toEqual(['eventstore_append', 'idempotency_remember']);
  });

  it('a submission as the web sends it (If-Match and an Idempotency-Key) of a draft this process wrote: the key looked up, the append, the answer recorded — no read of the stream', async () => {
    const created = await town().post('/v1/applications', { plan: completePlan() }).expect(201);
    const { result, sent } = await measured(() =>
      town()
        .post(`/v1/applications/${created.body.id}/submit`, undefined, {
          'if-match': '"0"',
          'idempotency-key': randomUUID(),
        })
        .expect(200),
    );
    expect(result.body.status).toBe('submitted');
    expect(reads).toEqual([]);
    expect(sent).toEqual(['idempotency_replay', 'eventstore_append', 'idempotency_remember']);
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
    expect(sent).not.toContain('idempotency_remember');
  });

  it('keyed writes answered in the same turn keep their answers with one statement and look their keys up with one, the first answer per key kept', async () => {
    const idempotency = api.app.get(IdempotencyService);
    const [first, second, third, never] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const answer = (revision: number) => ({ status: 201, body: { revision }, revision });
    const remembered = await measured(() =>
      Promise.all([
        idempotency.remember(first, 'first request', answer(0)),
        idempotency.remember(second, 'second request', answer(1)),
        // A concurrent repeat of the second write, answered in the same turn: the first answer stays.
        idempotency.remember(second, 'second request', answer(7)),
        idempotency.remember(third, 'third request', answer(2)),
      ]),
    );
    expect(remembered.sent).toEqual(['idempotency_remember']);
    const looked = await measured(() =>
      Promise.all([
        idempotency.replay(first, 'first request'),
        idempotency.replay(second, 'second request'),
        idempotency.replay(third, 'third request'),
        idempotency.replay(never, 'a request never answered'),
      ]),
    );
    expect(looked.sent).toEqual(['idempotency_replay']);
    expect(looked.result).toEqual([answer(0), answer(1), answer(2), undefined]);
  });

  it('a budget event another process wrote: the append finds the kept fold stale and writes nothing; the next round reads only that event', async () => {
    const before = (await api.store.readStream(budgetStream)).length;
    await budgetSetElsewhere(false);
    const { result, sent } = await measured(() =>
      town().post('/v1/applications', { plan: completePlan() }).expect(201),
    );
    expect(reads).toEqual([{ streamId: budgetStream, options: { fromRevision: Number(before) }, events: 1 }]);
    expect(sent).toEqual([
      'eventstore_append',
      'SELECT event_id::text, stream_id,',
      'eventstore_read_stream',
      'eventstore_append',
    ]);
    // Decided on the fold carried on: intake is closed now, which the draft's warnings say.
    expect(JSON.stringify(result.body.warnings)).toContain('intake');
  });

  it('a refusal decided on a stale fold is decided again on what the store holds', async () => {
    const created = await town().post('/v1/applications', { plan: completePlan() }).expect(201);
    // The kept fold says intake is closed (previous spec); another process opens it again.
    await budgetSetElsewhere(true);
    const { result } = await measured(() =>
      town().post(`/v1/applications/${created.body.id}/submit`).expect(200),
    );
    expect(result.body.status).toBe('submitted');
    // Both reads go out side by side (the submission foresees its fiscal year): either may end first.
    expect(reads).toHaveLength(2);
    expect(reads).toEqual(
      expect.arrayContaining([
        { streamId: `application-${created.body.id}`, options: { fromRevision: 1 }, events: 0 },
        { streamId: budgetStream, options: { fromRevision: expect.any(Number) }, events: 1 },
      ]),
    );
  });

  it('If-Match is judged against the store, not against a kept fold behind it', async () => {
    const created = await town().post('/v1/applications', { plan: completePlan() }).expect(201);
    const other = await town().post('/v1/applications', { plan: completePlan() }).expect(201);
    await town().post(`/v1/applications/${other.body.id}/submit`).expect(200);
    // Another process submits `created`: this process still keeps its draft at revision 0.
    const [, submission] = await api.store.readStream(`application-${other.body.id}`);
    await api.store.append(
      `application-${created.body.id}`,
      copiedFor([submission], other.body.id, created.body.id),
      { expectedRevision: 0 },
    );
    const stale = await town()
      .post(`/v1/applications/${created.body.id}/withdraw`, { reason: '計画の見直し' }, { 'if-match': '"0"' })
      .expect(409);
    expect(stale.body.code ?? stale.body.errors[0].rule).toBe('revision_current');
    const withdrawn = await town()
      .post(`/v1/applications/${created.body.id}/withdraw`, { reason: '計画の見直し' }, { 'if-match': '"1"' })
      .expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.revision).toBe(2);
  });
});
