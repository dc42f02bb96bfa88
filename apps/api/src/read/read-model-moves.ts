import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { ClientConfig, Notification } from 'pg';
import { requireDatabaseUrl, type AppConfig } from '@l10k/config';
import { ListeningConnection } from '@l10k/eventstore';
import { EVERY_READ_MODEL, READ_MODEL_MOVED_CHANNEL } from '@l10k/read-model';

/** How often the connection proves that it still hears: a notification of its own must come back. */
const HEARTBEAT_INTERVAL_MS = 5_000;
/** A heartbeat not heard back within this long: the connection is taken for lost. */
const HEARTBEAT_TIMEOUT_MS = 2_000;

/** The payload of a notification that only proves the connection hears (it names no checkpoint). */
const PROOF = 'heard:';

/**
 * What this API process has heard of the projections' commits: every change of a checkpoint
 * row is announced by the database (ReadModelMovesAnnounced), and a projection's tables change
 * only with its checkpoint row. A read takes the mark of the projections it depends on BEFORE
 * it asks PostgreSQL; while the mark stays the same, nothing those projections wrote has been
 * committed and heard since, and the answer may be given again without asking.
 *
 * What that costs: a commit is heard a moment after it becomes visible (PostgreSQL sends the
 * notification at commit, and this process reads it on its next turn: well under a
 * millisecond on a quiet machine, a few on a busy one). A read in that moment is answered as
 * of the commit before, as a read a moment earlier would have been; the read side already
 * lags the log by the projector's batch (bench:api's projection lag: 12 ms p50).
 *
 * There is no mark while not listening (before the connection, after it fails, while it
 * reconnects): every read then asks PostgreSQL. A reconnection starts a new epoch, so no mark
 * taken before a possibly missed notification ever equals one taken after. A connection that
 * died without a word is found by the heartbeat: a notification of its own that must come
 * back within HEARTBEAT_TIMEOUT_MS; until then, a lost connection could hide moves for at most
 * HEARTBEAT_INTERVAL_MS + HEARTBEAT_TIMEOUT_MS.
 */
export class ReadModelMoves {
  /** One per API process, on a connection of its own to the read models' database. */
  static forConfig(config: AppConfig): ReadModelMoves {
    return new ReadModelMoves({
      connectionString: requireDatabaseUrl(config),
      connectionTimeoutMillis: 5_000,
    });
  }

  private readonly connection: ListeningConnection;
  private closed = false;
  private epoch = 0;
  private readonly moves = new Map<string, number>();
  /** The heartbeats and settlements awaiting their own notification: true when it came back. */
  private readonly proofs = new Map<string, (heard: boolean) => void>();
  private heartbeat?: NodeJS.Timeout;
  private readonly logger = new Logger(ReadModelMoves.name);

  constructor(config: ClientConfig) {
    this.connection = new ListeningConnection(config, READ_MODEL_MOVED_CHANNEL, {
      listening: () => {
        // Whatever was committed while not listening is unknown: no mark from before may match.
        this.epoch += 1;
        if (this.epoch > 1) this.logger.log('listening again for the projections’ commits');
      },
      notification: (notification) => this.hear(notification),
      lost: () => {
        this.logger.warn(
          'lost the connection that hears the projections’ commits: every read asks the database until it listens again',
        );
        for (const settle of this.proofs.values()) settle(false);
      },
    });
  }

  start(): void {
    if (this.heartbeat !== undefined || this.closed) return;
    this.connection.start();
    this.heartbeat = setInterval(() => void this.proveHearing(), HEARTBEAT_INTERVAL_MS);
    this.heartbeat.unref();
  }

  /**
   * The mark of what `writers` (projection names) have committed, as heard so far; undefined
   * while not listening. Equal marks taken at two moments: nothing of theirs was heard between.
   */
  mark(writers: readonly string[]): string | undefined {
    if (this.connection.listener === undefined) return undefined;
    let mark = String(this.epoch);
    for (const writer of writers) mark += `:${this.moves.get(writer) ?? 0}`;
    return mark;
  }

  /**
   * Resolves once every move committed before the call has been heard: a notification sent
   * now comes back after those (a listener hears notifications in commit order). Resolves at
   * once while not listening, as no read is answered from a mark then.
   */
  async settled(timeoutMs = HEARTBEAT_TIMEOUT_MS): Promise<void> {
    await this.proveHearing(timeoutMs);
  }

  /** Nest's lifecycle: listening starts with the module, and ends with it. */
  onModuleInit(): void {
    this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const settle of this.proofs.values()) settle(false);
    await this.connection.close();
  }

  /** True when a notification of its own came back in time; a connection that failed to is dropped. */
  private async proveHearing(timeoutMs = HEARTBEAT_TIMEOUT_MS): Promise<boolean> {
    const client = this.connection.listener;
    if (client === undefined) return false;
    const token = `${PROOF}${randomUUID()}`;
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<boolean>((resolve) => {
      this.proofs.set(token, resolve);
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    // NOTIFY takes no parameters; the token is a uuid, safe to quote.
    client.query(`NOTIFY ${READ_MODEL_MOVED_CHANNEL}, '${token}'`).catch(() => this.connection.lose(client));
    const inTime = await heard;
    clearTimeout(timer);
    this.proofs.delete(token);
    if (!inTime && !this.closed) this.connection.lose(client);
    return inTime;
  }

  private hear(notification: Notification): void {
    const name = notification.payload ?? '';
    if (name.startsWith(PROOF)) {
      this.proofs.get(name)?.(true);
      return;
    }
    // The checkpoints were emptied: every mark taken before must differ from every one after.
    if (name === EVERY_READ_MODEL) this.epoch += 1;
    else this.moves.set(name, (this.moves.get(name) ?? 0) + 1);
  }
}
