import { Client, type ClientConfig } from 'pg';

export const APPEND_CHANNEL = 'eventstore_appended';

/**
 * One LISTEN connection per store, shared by its subscriptions. A notification only
 * says "something was committed": subscribers then read. If the connection drops,
 * it reconnects with back-off; subscribers keep polling meanwhile, so a lost
 * notification costs latency, never events.
 */
export class AppendNotifications {
  private client?: Client;
  private started = false;
  private closed = false;
  private reconnectDelayMs = 100;
  private reconnectTimer?: NodeJS.Timeout;
  private readonly waiters = new Set<() => void>();
  /** Grows on every notification; a subscriber compares it before and after a read. */
  generation = 0;

  constructor(private readonly config: ClientConfig) {}

  ensureStarted(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.connect();
  }

  /** Resolves on the next notification after `seenGeneration`, after `timeoutMs`, or on abort. */
  wait(seenGeneration: number, timeoutMs: number, signal?: AbortSignal): Promise<'notified' | 'timeout'> {
    if (this.generation !== seenGeneration) return Promise.resolve('notified');
    if (signal?.aborted) return Promise.resolve('timeout');
    return new Promise((resolve) => {
      const finish = (outcome: 'notified' | 'timeout') => {
        clearTimeout(timer);
        this.waiters.delete(onNotify);
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const onNotify = () => finish('notified');
      const onAbort = () => finish('timeout');
      const timer = setTimeout(() => finish('timeout'), timeoutMs);
      this.waiters.add(onNotify);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    for (const wake of [...this.waiters]) wake();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.config);
    client.on('notification', () => this.notify());
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${APPEND_CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      this.reconnectDelayMs = 100;
      // Anything committed while we were not listening must still be read.
      this.notify();
    } catch {
      this.reconnect(client);
    }
  }

  private reconnect(failed: Client): void {
    if (this.closed || (this.client !== undefined && this.client !== failed)) return;
    this.client = undefined;
    failed.removeAllListeners('end');
    void failed.end().catch(() => undefined);
    if (this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, this.reconnectDelayMs);
    this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, 5_000);
  }

  private notify(): void {
    this.generation += 1;
    for (const wake of [...this.waiters]) wake();
  }
}
