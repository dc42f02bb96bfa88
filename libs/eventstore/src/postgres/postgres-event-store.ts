import { Pool, type PoolClient, type PoolConfig } from 'pg';
import { ChainVerifier } from '../chain-verifier';
import { DuplicateEventIdError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import type {
  AppendManyResult,
  AppendOptions,
  AppendResult,
  EventData,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  VerificationReport,
} from '../event-store';
import { chainEvents, GENESIS_HASH } from '../hash-chain';
import { UpcasterRegistry } from '../upcasters';
import { AppendNotifications } from './append-notifications';
import { AppendNotifier } from './append-notifier';
import { formatCheckpoint, parseCheckpoint } from './checkpoint';
import { constraintName, mapPostgresError, sqlState } from './postgres-errors';
import { StreamHeadCache, type StreamHead } from './stream-head-cache';

export interface PostgresEventStoreOptions {
  readonly connectionString: string;
  /** Connections in the pool (appends and reads); default 10. */
  readonly poolSize?: number;
  /** How long to wait for a connection before reporting the store unavailable; default 5000 ms. */
  readonly connectionTimeoutMillis?: number;
  readonly upcasters?: UpcasterRegistry;
  /** Subscriptions poll at most this far apart when no notification arrives; default 1000 ms. */
  readonly maxPollIntervalMillis?: number;
  /** Streams whose head (revision, hash) is remembered to append in one round trip; default 10,000. */
  readonly streamHeadCacheSize?: number;
  /**
   * `after_commit` (default): a coalesced NOTIFY right after the append commits.
   * `in_transaction`: NOTIFY inside the append transaction — delivered exactly with the
   * commit, but it serialises concurrent appends (see append-notifier.ts).
   */
  readonly notify?: 'after_commit' | 'in_transaction';
}

const DEFAULT_BATCH_SIZE = 500;
const MIN_POLL_INTERVAL_MS = 10;
/** Stale cached heads or `any` appends racing other writers: retry this often before giving up. */
const MAX_APPEND_ATTEMPTS = 5;
const WRONG_REVISION_SQLSTATE = 'ES409';

// Columns come back as text (no precision loss for bigint/xid8); ORDER BY must therefore
// name the table's columns (events.x), or PostgreSQL sorts by these text outputs.
const EVENT_COLUMNS = `global_position::text, transaction_id::text, stream_id, stream_revision::text, event_id::text, type, data, metadata, recorded_at`;

// Only rows of transactions older than every running one: their set is final, so the
// (transaction_id, global_position) order never gains an event behind a reader's back.
const READ_ALL_SQL = `
  SELECT ${EVENT_COLUMNS} FROM events
  WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
    AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY events.transaction_id, events.global_position
  LIMIT $3`;

const READ_STREAM_SQL = `
  SELECT ${EVENT_COLUMNS} FROM events
  WHERE stream_id = $1 AND stream_revision <= $2
  ORDER BY events.stream_revision`;

const VERIFY_SQL = `
  SELECT e.stream_id, e.stream_revision::text, e.event_id::text, e.type, e.data, e.metadata,
         s.revision::text AS head_revision, s.last_hash AS head_hash
  FROM events AS e LEFT JOIN streams AS s ON s.stream_id = e.stream_id
  WHERE (e.stream_id, e.stream_revision) > ($1, $2::bigint)
  ORDER BY e.stream_id, e.stream_revision
  LIMIT $3`;

interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  type: string;
  data: EventData;
  metadata: EventMetadata;
  recorded_at: Date;
}

interface AppendRow {
  stream_id: string;
  stream_revision: string;
  transaction_id: string;
  global_position: string;
}

interface PreparedAppend {
  readonly streamId: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly NewEvent[];
  /** The head the events are chained onto; undefined = the stream must not exist. */
  readonly head: StreamHead | undefined;
}

interface ConflictDetail {
  streamId: string;
  revision: string | null;
  lastHash: string | null;
}

/** The default adapter (DESIGN.md, "Event store"): plain SQL over a `pg` pool. */
export class PostgresEventStore implements EventStore {
  private readonly upcasters: UpcasterRegistry;
  private readonly heads: StreamHeadCache;
  private readonly notifications: AppendNotifications;
  private readonly notifier: AppendNotifier | undefined;
  private readonly maxPollIntervalMs: number;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    options: PostgresEventStoreOptions,
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.heads = new StreamHeadCache(options.streamHeadCacheSize ?? 10_000);
    this.notifications = new AppendNotifications({
      connectionString: options.connectionString,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    });
    this.maxPollIntervalMs = options.maxPollIntervalMillis ?? 1_000;
    this.notifier = options.notify === 'in_transaction' ? undefined : new AppendNotifier(pool);
  }

  /** Opens the pool and checks the database answers (fails fast with EventStoreUnavailableError). */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    };
    const pool = new Pool(config);
    // An idle connection dying (server restart) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    const store = new PostgresEventStore(pool, options);
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw mapPostgresError(error);
    }
    return store;
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const result = await this.appendMany([{ streamId, events, expectedRevision: options.expectedRevision }]);
    return { nextRevision: result.streams[0].nextRevision, position: result.position };
  }

  async appendMany(appends: readonly StreamAppend[]): Promise<AppendManyResult> {
    validateAppends(appends);
    try {
      let prepared = await Promise.all(appends.map((request) => this.prepare(request)));
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await this.writeOnce(prepared);
        } catch (error) {
          const retry = await this.resolveFailedAppend(error, prepared, attempt);
          if ('result' in retry) return retry.result;
          prepared = retry.prepared;
        }
      }
    } catch (error) {
      throw mapPostgresError(error);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const toRevision =
      options.toRevision === undefined ? '9223372036854775807' : BigInt(options.toRevision).toString();
    let rows: EventRow[];
    try {
      rows = (
        await this.pool.query<EventRow>({
          name: 'eventstore_read_stream',
          text: READ_STREAM_SQL,
          values: [streamId, toRevision],
        })
      ).rows;
      if (rows.length === 0 && !(await this.streamExists(streamId))) throw new StreamNotFoundError(streamId);
    } catch (error) {
      throw mapPostgresError(error);
    }
    const last = rows[rows.length - 1];
    if (last && options.toRevision === undefined)
      this.heads.remember(streamId, { revision: BigInt(last.stream_revision), hash: last.metadata.hash });
    const events: RecordedEvent[] = [];
    for (const row of rows) {
      // recorded_at grows with the revision (clock_timestamp under the stream lock): stop at the first later one.
      if (options.toInstant && row.recorded_at > options.toInstant) break;
      events.push(this.toRecordedEvent(row));
    }
    return events;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent[]> {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    let position = parseCheckpoint(options.from);
    for (;;) {
      const rows = await this.readBatch(position.transactionId, position.globalPosition, batchSize);
      if (rows.length === 0) return;
      yield rows.map((row) => this.toRecordedEvent(row));
      const last = rows[rows.length - 1];
      position = { transactionId: last.transaction_id, globalPosition: last.global_position };
      if (rows.length < batchSize) return;
    }
  }

  async *subscribe(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const { signal } = options;
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    let position = parseCheckpoint(options.from);
    let pollIntervalMs = MIN_POLL_INTERVAL_MS;
    this.notifications.ensureStarted();
    while (!signal?.aborted && !this.closed) {
      const seenGeneration = this.notifications.generation;
      const rows = await this.readBatch(position.transactionId, position.globalPosition, batchSize);
      for (const row of rows) {
        if (signal?.aborted) return;
        yield this.toRecordedEvent(row);
        position = { transactionId: row.transaction_id, globalPosition: row.global_position };
      }
      if (rows.length === batchSize) continue;
      if (rows.length > 0) pollIntervalMs = MIN_POLL_INTERVAL_MS;
      const woken = await this.notifications.wait(seenGeneration, pollIntervalMs, signal);
      // A notification may precede visibility (an older transaction still running): poll soon after it, then back off.
      pollIntervalMs =
        woken === 'notified' ? MIN_POLL_INTERVAL_MS : Math.min(pollIntervalMs * 2, this.maxPollIntervalMs);
    }
  }

  async verifyStream(streamId: string): Promise<VerificationReport> {
    return this.verify(streamId);
  }

  async verifyAll(): Promise<VerificationReport> {
    return this.verify(undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.notifications.close();
    await this.notifier?.close();
    await this.pool.end();
  }

  /** Works out the head each append chains onto: from the cache when it can, else one read. */
  private async prepare(request: StreamAppend): Promise<PreparedAppend> {
    const { streamId, expectedRevision, events } = request;
    if (expectedRevision === 'no_stream') return { streamId, expectedRevision, events, head: undefined };
    const cached = this.heads.get(streamId);
    if (expectedRevision === 'any') {
      const head = cached ?? (await this.readHead(streamId));
      return { streamId, expectedRevision, events, head };
    }
    const expected = BigInt(expectedRevision);
    if (cached && cached.revision === expected) return { streamId, expectedRevision, events, head: cached };
    const head = await this.readHead(streamId);
    // A wrong revision still goes to the database: it may be a retry of an append that succeeded.
    return {
      streamId,
      expectedRevision,
      events,
      head: head && head.revision === expected ? head : { revision: expected, hash: GENESIS_HASH },
    };
  }

  private async writeOnce(prepared: readonly PreparedAppend[]): Promise<AppendManyResult> {
    const payload = prepared.map(({ streamId, events, head }) => {
      const chained = chainEvents(
        streamId,
        head ? head.revision : -1n,
        head ? head.hash : GENESIS_HASH,
        events,
      );
      return {
        streamId,
        expected: head ? head.revision.toString() : '-1',
        prevHash: head ? head.hash : GENESIS_HASH,
        lastHash: chained[chained.length - 1].metadata.hash,
        events: chained.map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata })),
      };
    });
    const { rows } = await this.pool.query<AppendRow>({
      name: 'eventstore_append',
      text: 'SELECT stream_id, stream_revision::text, transaction_id::text, global_position::text FROM eventstore_append($1::jsonb, $2)',
      values: [JSON.stringify(payload), this.notifier === undefined],
    });
    this.notifier?.appended();
    for (const item of payload)
      this.heads.remember(item.streamId, {
        revision: BigInt(item.expected) + BigInt(item.events.length),
        hash: item.lastHash,
      });
    return this.toAppendManyResult(prepared, rows);
  }

  /**
   * After a failed write: a retry of an already stored append is answered from the
   * stored rows; a stale cached head (or an `any` append that lost a race) is retried
   * with the database's head; a real conflict becomes WrongExpectedRevisionError.
   */
  private async resolveFailedAppend(
    error: unknown,
    prepared: readonly PreparedAppend[],
    attempt: number,
  ): Promise<{ result: AppendManyResult } | { prepared: PreparedAppend[] }> {
    const state = sqlState(error);
    const duplicateId = state === '23505' && constraintName(error) === 'events_event_id_key';
    if (state !== WRONG_REVISION_SQLSTATE && !duplicateId) throw error;
    for (const item of prepared) this.heads.forget(item.streamId);
    const stored = await this.findStored(prepared);
    if (stored) return { result: stored };
    if (duplicateId) {
      throw new DuplicateEventIdError(
        prepared[0].streamId,
        prepared.flatMap((item) => item.events.map((event) => event.eventId)),
      );
    }
    const conflict = JSON.parse((error as { detail?: string }).detail ?? '{}') as ConflictDetail;
    const request = prepared.find((item) => item.streamId === conflict.streamId) ?? prepared[0];
    const actual =
      conflict.revision === null
        ? undefined
        : { revision: BigInt(conflict.revision), hash: conflict.lastHash ?? GENESIS_HASH };
    if (!isSatisfiedBy(request.expectedRevision, actual) || attempt >= MAX_APPEND_ATTEMPTS) {
      throw new WrongExpectedRevisionError(
        request.streamId,
        request.expectedRevision,
        actual ? actual.revision : 'no_stream',
      );
    }
    return { prepared: prepared.map((item) => (item === request ? { ...item, head: actual } : item)) };
  }

  /** The result of an earlier identical append, if every one of its events is stored where it was sent. */
  private async findStored(prepared: readonly PreparedAppend[]): Promise<AppendManyResult | undefined> {
    const eventIds = prepared.flatMap((item) => item.events.map((event) => event.eventId));
    const { rows } = await this.pool.query<AppendRow & { event_id: string }>(
      `SELECT event_id::text, stream_id, stream_revision::text, transaction_id::text, global_position::text
       FROM events WHERE event_id = ANY($1::uuid[])`,
      [eventIds],
    );
    if (rows.length === 0) return undefined;
    const streamOf = new Map(
      prepared.flatMap((item) => item.events.map((event) => [event.eventId, item.streamId] as const)),
    );
    const complete =
      rows.length === eventIds.length && rows.every((row) => streamOf.get(row.event_id) === row.stream_id);
    if (!complete)
      throw new DuplicateEventIdError(
        prepared[0].streamId,
        rows.map((row) => row.event_id),
      );
    const perStream = new Map<string, AppendRow>();
    for (const row of rows) {
      const seen = perStream.get(row.stream_id);
      if (!seen || BigInt(row.stream_revision) > BigInt(seen.stream_revision))
        perStream.set(row.stream_id, row);
    }
    return this.toAppendManyResult(prepared, [...perStream.values()]);
  }

  private toAppendManyResult(
    prepared: readonly PreparedAppend[],
    rows: readonly AppendRow[],
  ): AppendManyResult {
    const byStream = new Map(rows.map((row) => [row.stream_id, row]));
    const streams = prepared.map(({ streamId }) => {
      const row = byStream.get(streamId);
      if (!row) throw new Error(`append returned no row for stream ${streamId}`);
      return {
        streamId,
        nextRevision: BigInt(row.stream_revision),
        position: formatCheckpoint(row.transaction_id, row.global_position),
      };
    });
    const last = rows.reduce((max, row) =>
      BigInt(row.global_position) > BigInt(max.global_position) ? row : max,
    );
    return { streams, position: formatCheckpoint(last.transaction_id, last.global_position) };
  }

  private async readHead(streamId: string): Promise<StreamHead | undefined> {
    const { rows } = await this.pool.query<{ revision: string; last_hash: string }>({
      name: 'eventstore_read_head',
      text: 'SELECT revision::text, last_hash FROM streams WHERE stream_id = $1',
      values: [streamId],
    });
    return rows[0] ? { revision: BigInt(rows[0].revision), hash: rows[0].last_hash } : undefined;
  }

  private async streamExists(streamId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM streams WHERE stream_id = $1', [streamId]);
    return (rowCount ?? 0) > 0;
  }

  private async readBatch(
    transactionId: string,
    globalPosition: string,
    batchSize: number,
  ): Promise<EventRow[]> {
    try {
      const result = await this.pool.query<EventRow>({
        name: 'eventstore_read_all',
        text: READ_ALL_SQL,
        values: [transactionId, globalPosition, batchSize],
      });
      return result.rows;
    } catch (error) {
      throw mapPostgresError(error);
    }
  }

  private async verify(streamId: string | undefined): Promise<VerificationReport> {
    const verifier = new ChainVerifier();
    const batchSize = 1_000;
    let after: [string, string] = streamId === undefined ? ['', '-1'] : [streamId, '-1'];
    let connection: PoolClient | undefined;
    try {
      connection = await this.pool.connect();
      // One snapshot for the whole walk, so concurrent appends cannot look like broken heads.
      await connection.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const text =
        streamId === undefined ? VERIFY_SQL : VERIFY_SQL.replace('WHERE', 'WHERE e.stream_id = $4 AND');
      let current: { streamId: string; head?: { revision: bigint; lastHash: string } } | undefined;
      for (;;) {
        const values: unknown[] = [after[0], after[1], batchSize];
        if (streamId !== undefined) values.push(streamId);
        const { rows } = await connection.query<VerifyRow>(text, values);
        for (const row of rows) {
          if (current && current.streamId !== row.stream_id)
            verifier.endStream(current.streamId, current.head);
          current = {
            streamId: row.stream_id,
            head:
              row.head_revision === null
                ? undefined
                : { revision: BigInt(row.head_revision), lastHash: row.head_hash ?? '' },
          };
          verifier.add({
            streamId: row.stream_id,
            revision: BigInt(row.stream_revision),
            eventId: row.event_id,
            type: row.type,
            data: row.data,
            metadata: row.metadata,
          });
        }
        if (rows.length < batchSize) break;
        const last = rows[rows.length - 1];
        after = [last.stream_id, last.stream_revision];
      }
      if (current) verifier.endStream(current.streamId, current.head);
      await connection.query('COMMIT');
    } catch (error) {
      throw mapPostgresError(error);
    } finally {
      connection?.release();
    }
    const report = verifier.report();
    if (streamId !== undefined && report.streamsChecked === 0) throw new StreamNotFoundError(streamId);
    return report;
  }

  private toRecordedEvent(row: EventRow): RecordedEvent {
    const event: RecordedEvent = {
      streamId: row.stream_id,
      revision: BigInt(row.stream_revision),
      globalPosition: BigInt(row.global_position),
      transactionId: BigInt(row.transaction_id),
      checkpoint: formatCheckpoint(row.transaction_id, row.global_position),
      eventId: row.event_id,
      type: row.type,
      data: row.data,
      metadata: row.metadata,
      recordedAt: row.recorded_at,
    };
    return this.upcasters.isEmpty ? event : this.upcasters.upcast(event);
  }
}

interface VerifyRow {
  stream_id: string;
  stream_revision: string;
  event_id: string;
  type: string;
  data: EventData;
  metadata: Record<string, unknown>;
  head_revision: string | null;
  head_hash: string | null;
}

function isSatisfiedBy(expected: ExpectedRevision, actual: StreamHead | undefined): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === undefined;
  return actual !== undefined && actual.revision === BigInt(expected);
}

function validateAppends(appends: readonly StreamAppend[]): void {
  if (appends.length === 0) throw new TypeError('appendMany needs at least one stream');
  const streamIds = new Set<string>();
  for (const { streamId, events, expectedRevision } of appends) {
    if (!streamId) throw new TypeError('streamId must not be empty');
    if (streamIds.has(streamId)) throw new TypeError(`stream ${streamId} appears twice in one appendMany`);
    streamIds.add(streamId);
    if (events.length === 0) throw new TypeError(`append to ${streamId} needs at least one event`);
    if (typeof expectedRevision !== 'string' && BigInt(expectedRevision) < 0n)
      throw new TypeError(`expected revision must not be negative: ${expectedRevision}`);
  }
}
