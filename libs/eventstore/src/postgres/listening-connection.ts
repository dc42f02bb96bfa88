import { Client, type ClientConfig, type Notification } from 'pg';

const RECONNECT_DELAY_MS = { first: 100, max: 5_000 };

/** What a ListeningConnection tells its owner. */
export interface ListeningHandlers {
  /**
   * A connection listens: the first, or a new one after a loss. Whatever was sent on the
   * channel while none listened was missed.
   */
  readonly listening: () => void;
  /** A notification heard by the connection that listens. */
  readonly notification: (notification: Notification) => void;
  /** The connection that listened is lost: nothing is heard until `listening` again. */
  readonly lost?: () => void;
}

/**
 * One connection that LISTENs on a channel and goes on listening: when it errors, ends, or
 * its owner finds it deaf (`lose`), it is dropped and a new one listens after a back-off
 * (100 ms, doubling up to 5 s). The store's append notifications and the API's read-model
 * moves both rest on it; each decides what a missed notification costs.
 */
export class ListeningConnection {
  /** The connection being opened, or the one that listens. */
  private client?: Client;
  private listens = false;
  private started = false;
  private closed = false;
  private reconnectDelayMs = RECONNECT_DELAY_MS.first;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly handlers: ListeningHandlers,
  ) {}

  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.connect();
  }

  /** The connection while it listens (to send on it); undefined otherwise. */
  get listener(): Client | undefined {
    return this.listens ? this.client : undefined;
  }

  /** Drops `failed` if it is still the current connection, and listens again after the back-off. */
  lose(failed: Client): void {
    if (this.client !== failed) return;
    const listened = this.listens;
    this.listens = false;
    this.client = undefined;
    failed.removeAllListeners('end');
    void failed.end().catch(() => undefined);
    if (listened && !this.closed) this.handlers.lost?.();
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, this.reconnectDelayMs);
    this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, RECONNECT_DELAY_MS.max);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.listens = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ keepAlive: true, ...this.config });
    this.client = client;
    client.on('notification', (notification) => {
      if (this.client === client) this.handlers.notification(notification);
    });
    client.on('error', () => this.lose(client));
    client.on('end', () => this.lose(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      if (this.closed || this.client !== client) {
        await client.end().catch(() => undefined);
        return;
      }
      this.listens = true;
      this.reconnectDelayMs = RECONNECT_DELAY_MS.first;
      this.handlers.listening();
    } catch {
      this.lose(client);
    }
  }
}
