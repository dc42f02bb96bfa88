import { Pool, type PoolConfig } from 'pg';
import { eventStoreTypes } from './timestamptz-parser';
import type {
  AppendManyOptions,
  AppendManyResult,
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ProjectedEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  VerificationReport,
  VerifyOptions,
  WatchOptions,
} from '../event-store';
import { UpcasterRegistry } from '../upcasters';
import { AppendNotifications } from './append-notifications';
import { AppendNotifier } from './append-notifier';
import { PostgresAppender } from './postgres-append';
import { mapPostgresError } from './postgres-errors';
import { PostgresReader } from './postgres-read';
import { verifyChains } from './postgres-verify';
import { StreamHeadCache } from './stream-head-cache';

/**
 * Pooled connections outlive a lull of a few minutes. A new one costs PostgreSQL about 40 ms
 * of CPU before its first append is done (a backend, SCRAM authentication, the append
 * function compiled and its statements prepared again) against about 1 ms for the same pair
 * of appends on a warm one; with pg's default of 10 s every burst of writes after a short
 * pause opened the whole pool again. Idle connections do not keep the process alive.
 */
export const DEFAULT_IDLE_TIMEOUT_MS = 300_000;

export interface PostgresEventStoreOptions {
  readonly connectionString: string;
  /** Connections in the pool (appends and reads); default 10. */
  readonly poolSize?: number;
  /** How long to wait for a connection before reporting the store unavailable; default 5000 ms. */
  readonly connectionTimeoutMillis?: number;
  /** A pooled connection idle this long is closed; default 300,000 ms (see DEFAULT_IDLE_TIMEOUT_MS). */
  readonly idleTimeoutMillis?: number;
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
  /** `after_commit`: appends within this long of a NOTIFY share the next one (append-notifier.ts); default 20 ms. */
  readonly notifyIntervalMillis?: number;
}

/**
 * The default adapter (DESIGN.md, "Event store"): plain SQL over a `pg` pool. Appending
 * (postgres-append.ts), reading (postgres-read.ts) and verifying (postgres-verify.ts)
 * share the pool and the cache of stream heads; the SQL is in sql.ts.
 */
export class PostgresEventStore implements EventStore {
  private readonly notifications: AppendNotifications;
  private readonly notifier: AppendNotifier | undefined;
  private readonly appender: PostgresAppender;
  private readonly reader: PostgresReader;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    options: PostgresEventStoreOptions,
  ) {
    const heads = new StreamHeadCache(options.streamHeadCacheSize ?? 10_000);
    this.notifications = new AppendNotifications({
      connectionString: options.connectionString,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    });
    this.notifier =
      options.notify === 'in_transaction'
        ? undefined
        : new AppendNotifier(pool, options.notifyIntervalMillis);
    this.appender = new PostgresAppender(pool, heads, this.notifier);
    this.reader = new PostgresReader(pool, heads, {
      upcasters: options.upcasters ?? new UpcasterRegistry(),
      notifications: this.notifications,
      maxPollIntervalMs: options.maxPollIntervalMillis ?? 1_000,
      isClosed: () => this.closed,
    });
  }

  /** Opens the pool and checks the database answers (fails fast with EventStoreUnavailableError). */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
      idleTimeoutMillis: options.idleTimeoutMillis ?? DEFAULT_IDLE_TIMEOUT_MS,
      allowExitOnIdle: true,
      types: eventStoreTypes,
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

  appendMany(appends: readonly StreamAppend[], options?: AppendManyOptions): Promise<AppendManyResult> {
    return this.appender.appendMany(appends, options);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.reader.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent[]> {
    return this.reader.readAll(options);
  }

  readAllProjected(options?: ReadAllOptions): AsyncIterable<ProjectedEvent[]> {
    return this.reader.readAllProjected(options);
  }

  subscribe(options?: SubscribeOptions): AsyncIterable<RecordedEvent> {
    return this.reader.subscribe(options);
  }

  watch(options?: WatchOptions): AsyncIterable<void> {
    return this.reader.watch(options);
  }

  verifyStream(streamId: string): Promise<VerificationReport> {
    return verifyChains(this.pool, streamId);
  }

  verifyAll(options?: VerifyOptions): Promise<VerificationReport> {
    return verifyChains(this.pool, undefined, options);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.notifications.close();
    await this.notifier?.close();
    await this.pool.end();
  }
}
