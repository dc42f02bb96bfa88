import {
  DeadlineExceededError,
  StreamNotFoundError as KurrentStreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { describeEventStoreContract } from '../../test/event-store.contract';
import { applicationStreamId, newEvent } from '../../test/event-fixtures';
import { EventStoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { formatKurrentCheckpoint, parseKurrentCheckpoint } from './kurrentdb-checkpoint';
import { mapKurrentError } from './kurrentdb-errors';
import { KurrentDbEventStore } from './kurrentdb-event-store';

// No KurrentDB server can run on the development machines: here we test the error
// mapping and the fail-fast behaviour against an unreachable address. The contract
// suite is registered for KurrentDB only when KURRENTDB_URL points at a real server
// (a conditional registration, not a skipped test).
const UNREACHABLE = 'kurrentdb://127.0.0.1:1?tls=false';

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

  it('refuses appendMany across streams with a typed error before touching the server', async () => {
    const store = KurrentDbEventStore.create({ connectionString: UNREACHABLE });
    try {
      const error = await store
        .appendMany([
          { streamId: applicationStreamId(), events: [newEvent()], expectedRevision: 'no_stream' },
          { streamId: 'fiscal-year-2025', events: [newEvent()], expectedRevision: 0 },
        ])
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'event_store_operation_not_supported', operation: 'appendMany' });
    } finally {
      await store.close();
    }
  });
});

const kurrentDbUrl = process.env.KURRENTDB_URL;
if (kurrentDbUrl) {
  describeEventStoreContract('KurrentDB', {
    create: ({ upcasters }) => KurrentDbEventStore.connect({ connectionString: kurrentDbUrl, upcasters }),
    atomicAppendMany: false,
  });
}
