import {
  DeadlineExceededError,
  KurrentDBClient,
  StreamNotFoundError as KurrentStreamNotFoundError,
  UnavailableError,
  UnsupportedError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { describeEventStoreContract } from '../../test/event-store.contract';
import { applicationStreamId, fiscalYearStreamId, newEvent, newEvents } from '../../test/event-fixtures';
import { InMemoryKurrentClient } from '../../test/in-memory-kurrent-client';
import {
  EventStoreServerUnsupportedError,
  EventStoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../errors';
import { formatKurrentCheckpoint, parseKurrentCheckpoint } from './kurrentdb-checkpoint';
import type { RecordedEvent } from '../event-store';
import { eventHash, GENESIS_HASH } from '../hash-chain';
import { kurrentClientOf } from './kurrentdb-client';
import { mapKurrentError } from './kurrentdb-errors';
import { KurrentDbEventStore } from './kurrentdb-event-store';

// No KurrentDB server can run on the development machines. Here: the error mapping, the
// fail-fast behaviour against an unreachable address, and the whole contract suite over
// an in-memory model of the server behind the client interface the adapter uses
// (test/in-memory-kurrent-client.ts). The contract suite runs against a real server
// only when KURRENTDB_URL points at one (a conditional registration, not a skipped test).
const UNREACHABLE = 'kurrentdb://127.0.0.1:1?tls=false';
/** One in-memory server for the contract suite's stores, as a real server would be. */
const sharedInMemoryServer = new InMemoryKurrentClient();

describe('KurrentDB error mapping', () => {
  it('maps WrongExpectedVersionError to WrongExpectedRevisionError with the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'application-1',
      expected: 3n,
      current: 5n,
    });
    const mapped = mapKurrentError(error, { streamId: 'application-1', expectedRevision: 3 });
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({
      code: 'wrong_expected_revision',
      streamId: 'application-1',
      expected: 3,
      actual: 5n,
    });
  });

  it("maps a wrong expectation on a missing stream to actual 'no_stream'", () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'application-2',
      expected: 0n,
      current: 'no_stream',
    });
    expect(mapKurrentError(error, { expectedRevision: 0 })).toMatchObject({
      code: 'wrong_expected_revision',
      actual: 'no_stream',
    });
  });

  it('maps StreamNotFoundError to the port error', () => {
    const mapped = mapKurrentError(new KurrentStreamNotFoundError(undefined, 'application-3'));
    expect(mapped).toBeInstanceOf(StreamNotFoundError);
    expect(mapped).toMatchObject({ code: 'stream_not_found', streamId: 'application-3' });
  });

  it('maps Unavailable, DeadlineExceeded and raw gRPC status 14 to EventStoreUnavailableError', () => {
    for (const error of [
      new UnavailableError(),
      new DeadlineExceededError(),
      Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }),
    ]) {
      expect(mapKurrentError(error)).toBeInstanceOf(EventStoreUnavailableError);
    }
  });

  it("maps the client's UnsupportedError to EventStoreServerUnsupportedError naming the version", () => {
    const mapped = mapKurrentError(new UnsupportedError('multiStreamAppend', '25.1'));
    expect(mapped).toBeInstanceOf(EventStoreServerUnsupportedError);
    expect(mapped).toMatchObject({ code: 'event_store_server_unsupported', requiredVersion: '25.1' });
    expect((mapped as Error).message).toContain('KurrentDB 25.1 or later is required');
  });

  it('passes other errors through unchanged', () => {
    const error = new TypeError('bad input');
    expect(mapKurrentError(error)).toBe(error);
  });
});

describe('KurrentDB checkpoints', () => {
  it('round-trip the $all position and refuse foreign checkpoints', () => {
    const position = { commit: 1234567890123n, prepare: 1234567890100n };
    expect(parseKurrentCheckpoint(formatKurrentCheckpoint(position))).toEqual(position);
    expect(() => parseKurrentCheckpoint('pg:1:2')).toThrow(
      expect.objectContaining({ code: 'invalid_checkpoint' }),
    );
  });
});

describe('KurrentDbEventStore against an unreachable server', () => {
  it('connect fails fast with EventStoreUnavailableError', async () => {
    const started = Date.now();
    const error = await KurrentDbEventStore.connect({
      connectionString: UNREACHABLE,
      deadlineMillis: 2_000,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each([['no_stream' as const], ['any' as const], [4]])(
    'append (expected %p) fails fast with EventStoreUnavailableError',
    async (expectedRevision) => {
      const store = KurrentDbEventStore.create({ connectionString: UNREACHABLE, deadlineMillis: 2_000 });
      try {
        const started = Date.now();
        const error = await store
          .append(applicationStreamId(), [newEvent()], { expectedRevision })
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(EventStoreUnavailableError);
        expect(Date.now() - started).toBeLessThan(5_000);
      } finally {
        await store.close();
      }
    },
  );

  it('readStream and readAll fail fast with EventStoreUnavailableError', async () => {
    const store = KurrentDbEventStore.create({ connectionString: UNREACHABLE, deadlineMillis: 2_000 });
    try {
      await expect(store.readStream(applicationStreamId())).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      const readAll = async () => {
        for await (const _batch of store.readAll()) return;
      };
      await expect(readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await store.close();
    }
  });

  it('appendMany fails fast with EventStoreUnavailableError, also for new streams only', async () => {
    const store = KurrentDbEventStore.create({ connectionString: UNREACHABLE, deadlineMillis: 2_000 });
    try {
      for (const budgetRevision of [0, 'no_stream' as const]) {
        const started = Date.now();
        const error = await store
          .appendMany([
            { streamId: applicationStreamId(), events: [newEvent()], expectedRevision: 'no_stream' },
            { streamId: fiscalYearStreamId(), events: [newEvent()], expectedRevision: budgetRevision },
          ])
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(EventStoreUnavailableError);
        expect(Date.now() - started).toBeLessThan(5_000);
      }
    } finally {
      await store.close();
    }
  });
});

describe('KurrentDbEventStore server version check', () => {
  it('refuses at connect a server without multi-stream append, naming the version required and found', async () => {
    const client = new InMemoryKurrentClient({ version: '24.10.0', multiStreamAppend: false });
    const error = await KurrentDbEventStore.connectWith(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EventStoreServerUnsupportedError);
    expect(error).toMatchObject({
      code: 'event_store_server_unsupported',
      requiredVersion: '25.1',
      serverVersion: '24.10.0',
    });
    expect((error as Error).message).toBe(
      'KurrentDB 24.10.0 does not support multi-stream append: KurrentDB 25.1 or later is required',
    );
    expect(client.disposed).toBe(true);
  });

  it('accepts a server with multi-stream append', async () => {
    const client = new InMemoryKurrentClient({ version: '25.1.0', multiStreamAppend: true });
    const store = await KurrentDbEventStore.connectWith(client);
    await store.close();
    expect(client.disposed).toBe(true);
  });

  it("asks the client's own feature list for the v2 append session multiStreamAppend uses", async () => {
    const client = KurrentDBClient.connectionString(UNREACHABLE);
    try {
      // The adapter reads a protected member of the client: fail here if an upgrade renames it.
      expect(
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(client), 'capabilities')?.get,
      ).toBeDefined();
      const asked: string[] = [];
      Object.defineProperty(client, 'capabilities', {
        get: async () => ({
          serverVersion: '24.10.0',
          supports: (method: { path: string }) => {
            asked.push(method.path);
            return false;
          },
        }),
      });
      expect(await kurrentClientOf(client).serverFeatures()).toEqual({
        version: '24.10.0',
        multiStreamAppend: false,
      });
      expect(asked).toEqual(['/kurrentdb.protocol.v2.streams.StreamsService/AppendSession']);
    } finally {
      await client.dispose();
    }
  });
});

describe('KurrentDbEventStore over an in-memory KurrentDB', () => {
  let client: InMemoryKurrentClient;
  let store: KurrentDbEventStore;

  beforeEach(async () => {
    client = new InMemoryKurrentClient();
    store = await KurrentDbEventStore.connectWith(client);
  });

  afterEach(async () => {
    await store.close();
  });

  it('writes several streams in one multiStreamAppend whose metadata are strings only', async () => {
    const budget = fiscalYearStreamId();
    await store.append(budget, [newEvent('BudgetOpened')], { expectedRevision: 'no_stream' });
    await store.appendMany([
      {
        streamId: applicationStreamId(),
        events: [newEvent('ApplicationAdopted')],
        expectedRevision: 'no_stream',
      },
      { streamId: budget, events: [newEvent('GrantReserved')], expectedRevision: 0 },
    ]);
    expect(client.multiStreamAppends).toHaveLength(1);
    const [requests] = client.multiStreamAppends;
    expect(requests.map((request) => [request.streamName, request.expectedState])).toEqual([
      [expect.stringMatching(/^application-/), 'no_stream'],
      [budget, 0n],
    ]);
    for (const event of requests.flatMap((request) => request.events))
      expect(Object.values(event.metadata as object).every((value) => typeof value === 'string')).toBe(true);
  });

  it('reads an event written by appendMany exactly like the same event written by append', async () => {
    const streamId = applicationStreamId();
    const event = newEvent(
      'ApplicationAdopted',
      { amountYen: 25_000_000 },
      { ruleSetId: 'fy2025', provisional: true },
    );
    // Two servers, so that the very same event (same stream, same id) is written both ways.
    await store.append(streamId, [event], { expectedRevision: 'no_stream' });
    const other = await KurrentDbEventStore.connectWith(new InMemoryKurrentClient());
    try {
      await other.appendMany([
        { streamId, events: [event], expectedRevision: 'no_stream' },
        { streamId: fiscalYearStreamId(), events: [newEvent()], expectedRevision: 'no_stream' },
      ]);
      const withoutPlace = ({ checkpoint: _c, globalPosition: _g, recordedAt: _r, ...rest }: RecordedEvent) =>
        rest;
      const [viaAppend] = await store.readStream(streamId);
      const [viaAppendMany] = await other.readStream(streamId);
      expect(withoutPlace(viaAppendMany)).toEqual(withoutPlace(viaAppend));
      expect(viaAppendMany.metadata).toEqual({
        ...event.metadata,
        prevHash: GENESIS_HASH,
        hash: eventHash(viaAppend),
      });
    } finally {
      await other.close();
    }
  });

  it.each([['append'], ['appendMany']])(
    'answers the retry of an %s whose reply was lost with the result it had, writing nothing more',
    async (operation) => {
      const application = applicationStreamId();
      const budget = fiscalYearStreamId();
      await store.append(budget, newEvents(2), { expectedRevision: 'no_stream' });
      const appends = [
        { streamId: budget, events: [newEvent('GrantReserved')], expectedRevision: 1 },
        ...(operation === 'appendMany'
          ? [
              {
                streamId: application,
                events: [newEvent('ApplicationAdopted')],
                expectedRevision: 'no_stream' as const,
              },
            ]
          : []),
      ];
      client.loseNextReply(Object.assign(new Error('14 UNAVAILABLE: connection reset'), { code: 14 }));
      await expect(store.appendMany(appends)).rejects.toBeInstanceOf(EventStoreUnavailableError);
      const retried = await store.appendMany(appends);
      expect(retried).toEqual(await store.appendMany(appends));
      const budgetEvents = await store.readStream(budget);
      expect(budgetEvents).toHaveLength(3);
      expect(retried.streams[0]).toEqual({
        streamId: budget,
        nextRevision: 2n,
        position: budgetEvents[2].checkpoint,
      });
      expect((await store.verifyStream(budget)).ok).toBe(true);
    },
  );

  it("recognises an 'any' retry whose events are already the stream's last ones", async () => {
    const streamId = applicationStreamId();
    const events = newEvents(2);
    const first = await store.append(streamId, events, { expectedRevision: 'any' });
    expect(await store.append(streamId, events, { expectedRevision: 'any' })).toEqual(first);
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('continues each hash chain across append and appendMany, as verification confirms', async () => {
    const application = applicationStreamId();
    const budget = fiscalYearStreamId();
    await store.append(budget, newEvents(2), { expectedRevision: 'no_stream' });
    await store.appendMany([
      { streamId: application, events: newEvents(2), expectedRevision: 'no_stream' },
      { streamId: budget, events: [newEvent('GrantReserved')], expectedRevision: 1 },
    ]);
    await store.append(budget, [newEvent('GrantReleased')], { expectedRevision: 2 });
    const events = await store.readStream(budget);
    for (let index = 1; index < events.length; index += 1)
      expect(events[index].metadata.prevHash).toBe(events[index - 1].metadata.hash);
    expect(await store.verifyStream(budget)).toMatchObject({ ok: true, eventsChecked: 4 });
    expect(await store.verifyAll()).toMatchObject({ ok: true, streamsChecked: 2, eventsChecked: 6 });
  });

  it('reports a tampered envelope stored by appendMany as a hash mismatch', async () => {
    const application = applicationStreamId();
    await store.appendMany([
      { streamId: application, events: [newEvent()], expectedRevision: 'no_stream' },
      { streamId: fiscalYearStreamId(), events: [newEvent()], expectedRevision: 'no_stream' },
    ]);
    client.tamper(application, 0n, (metadata) => ({
      ...metadata,
      actor: JSON.stringify({ sub: 'intruder', role: 'officer' }),
    }));
    expect(await store.verifyStream(application)).toMatchObject({
      ok: false,
      failures: [{ streamId: application, revision: 0n, reason: 'hash_mismatch' }],
    });
  });
});

describeEventStoreContract('KurrentDB adapter over an in-memory KurrentDB', {
  create: ({ upcasters }) => KurrentDbEventStore.connectWith(sharedInMemoryServer, { upcasters }),
});

const kurrentDbUrl = process.env.KURRENTDB_URL;
if (kurrentDbUrl) {
  describeEventStoreContract('KurrentDB', {
    create: ({ upcasters }) => KurrentDbEventStore.connect({ connectionString: kurrentDbUrl, upcasters }),
  });
}
