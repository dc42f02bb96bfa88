import type { Pool } from 'pg';
import { StreamNotFoundError } from '../errors';
import type {
  ProjectedEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  WatchOptions,
} from '../event-store';
import type { UpcasterRegistry } from '../upcasters';
import type { AppendNotifications } from './append-notifications';
import { formatCheckpoint, parseCheckpoint } from './checkpoint';
import { mapPostgresError } from './postgres-errors';
import {
  READ_ALL_PROJECTED_SQL,
  READ_ALL_SQL,
  READ_STREAM_SQL,
  type EventRow,
  type ProjectedEventRow,
  type StreamReadRow,
} from './sql';
import type { StreamHeadCache } from './stream-head-cache';

const DEFAULT_BATCH_SIZE = 500;
const MIN_POLL_INTERVAL_MS = 10;
const LAST_REVISION = '9223372036854775807';

export interface PostgresReaderOptions {
  readonly upcasters: UpcasterRegistry;
  readonly notifications: AppendNotifications;
  /** Subscriptions poll at most this far apart when no notification arrives. */
  readonly maxPollIntervalMs: number;
  /** Subscriptions end once the store is closed. */
  readonly isClosed: () => boolean;
}

/** A statement that reads the log a batch at a time: ($1, $2) the position after which, $3 the batch size. */
interface LogStatement {
  readonly name: string;
  readonly text: string;
}

const READ_ALL: LogStatement = { name: 'eventstore_read_all', text: READ_ALL_SQL };
const READ_ALL_PROJECTED: LogStatement = {
  name: 'eventstore_read_all_projected',
  text: READ_ALL_PROJECTED_SQL,
};

/** What every row of the log's statements carries: its place in the global order. */
type LogRow = Pick<EventRow, 'transaction_id' | 'global_position'>;

/** The read side of the PostgreSQL adapter: streams, the global log, and subscriptions to it. */
export class PostgresReader {
  constructor(
    private readonly pool: Pool,
    /** A stream read tells the appender the stream's head for free. */
    private readonly heads: StreamHeadCache,
    private readonly options: PostgresReaderOptions,
  ) {}

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const fromRevision = options.fromRevision === undefined ? '0' : BigInt(options.fromRevision).toString();
    const toRevision =
      options.toRevision === undefined ? LAST_REVISION : BigInt(options.toRevision).toString();
    let rows: StreamReadRow[];
    try {
      rows = (
        await this.pool.query<StreamReadRow>({
          name: 'eventstore_read_stream',
          text: READ_STREAM_SQL,
          values: [streamId, fromRevision, toRevision],
        })
      ).rows;
    } catch (error) {
      throw mapPostgresError(error);
    }
    if (rows.length === 0) throw new StreamNotFoundError(streamId);
    this.heads.remember(streamId, { revision: BigInt(rows[0].head_revision), hash: rows[0].head_hash });
    const events: RecordedEvent[] = [];
    for (const row of rows) {
      if (row.event_id === null) continue;
      // recorded_at grows with the revision (clock_timestamp under the stream lock): stop at the first later one.
      if (options.toInstant && row.recorded_at > options.toInstant) break;
      events.push(this.toRecordedEvent(row));
    }
    return events;
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent[]> {
    return this.readLog(READ_ALL, options, (row: EventRow) => this.toRecordedEvent(row));
  }

  readAllProjected(options: ReadAllOptions = {}): AsyncIterable<ProjectedEvent[]> {
    return this.readLog(READ_ALL_PROJECTED, options, (row: ProjectedEventRow) => this.toProjectedEvent(row));
  }

  async *subscribe(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const { signal } = options;
    const { notifications, maxPollIntervalMs, isClosed } = this.options;
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    let position = parseCheckpoint(options.from);
    let pollIntervalMs = MIN_POLL_INTERVAL_MS;
    notifications.ensureStarted();
    while (!signal?.aborted && !isClosed()) {
      const seenGeneration = notifications.generation;
      const rows = await this.readBatch(position.transactionId, position.globalPosition, batchSize);
      for (const row of rows) {
        if (signal?.aborted) return;
        yield this.toRecordedEvent(row);
        position = { transactionId: row.transaction_id, globalPosition: row.global_position };
      }
      if (rows.length === batchSize) continue;
      if (rows.length > 0) pollIntervalMs = MIN_POLL_INTERVAL_MS;
      const woken = await notifications.wait(seenGeneration, pollIntervalMs, signal);
      // A notification may precede visibility (an older transaction still running): poll soon after it, then back off.
      pollIntervalMs =
        woken === 'notified' ? MIN_POLL_INTERVAL_MS : Math.min(pollIntervalMs * 2, maxPollIntervalMs);
    }
  }

  /**
   * The port's `watch` on the store's notifications, without a query: yields at once, on each
   * notification, and (a notification may precede visibility, as in `subscribe`) again 10 ms
   * after one, then at doubling intervals up to maxPollIntervalMs until the next.
   */
  async *watch(options: WatchOptions = {}): AsyncIterable<void> {
    const { signal } = options;
    const { notifications, maxPollIntervalMs, isClosed } = this.options;
    let pollIntervalMs = MIN_POLL_INTERVAL_MS;
    notifications.ensureStarted();
    while (!signal?.aborted && !isClosed()) {
      // Taken before the yield: a notification while the caller is busy still counts.
      const seenGeneration = notifications.generation;
      yield;
      if (signal?.aborted || isClosed()) return;
      const woken = await notifications.wait(seenGeneration, pollIntervalMs, signal);
      pollIntervalMs =
        woken === 'notified' ? MIN_POLL_INTERVAL_MS : Math.min(pollIntervalMs * 2, maxPollIntervalMs);
    }
  }

  /** The log from `options.from` to its current end, a batch of `statement`'s rows at a time. */
  private async *readLog<Row extends LogRow, Event>(
    statement: LogStatement,
    options: ReadAllOptions,
    toEvent: (row: Row) => Event,
  ): AsyncIterable<Event[]> {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    let position = parseCheckpoint(options.from);
    for (;;) {
      const rows = await this.readBatch<Row>(
        position.transactionId,
        position.globalPosition,
        batchSize,
        statement,
      );
      if (rows.length === 0) return;
      yield rows.map(toEvent);
      const last = rows[rows.length - 1];
      position = { transactionId: last.transaction_id, globalPosition: last.global_position };
      if (rows.length < batchSize) return;
    }
  }

  private async readBatch<Row extends LogRow = EventRow>(
    transactionId: string,
    globalPosition: string,
    batchSize: number,
    statement: LogStatement = READ_ALL,
  ): Promise<Row[]> {
    try {
      const result = await this.pool.query<Row>({
        name: statement.name,
        text: statement.text,
        values: [transactionId, globalPosition, batchSize],
      });
      return result.rows;
    } catch (error) {
      throw mapPostgresError(error);
    }
  }

  /**
   * Written out field by field, as toRecordedEvent is, not built from a shared part and a
   * spread: each event of a rebuild goes through here, and one object literal per shape is
   * what V8 builds fastest.
   */
  private toProjectedEvent(row: ProjectedEventRow): ProjectedEvent {
    const event: ProjectedEvent = {
      streamId: row.stream_id,
      revision: BigInt(row.stream_revision),
      globalPosition: BigInt(row.global_position),
      transactionId: BigInt(row.transaction_id),
      checkpoint: formatCheckpoint(row.transaction_id, row.global_position),
      type: row.type,
      data: row.data,
      metadata: { occurredAt: row.occurred_at, schemaVersion: row.schema_version },
    };
    const { upcasters } = this.options;
    return upcasters.isEmpty ? event : upcasters.upcast(event);
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
    const { upcasters } = this.options;
    return upcasters.isEmpty ? event : upcasters.upcast(event);
  }
}
