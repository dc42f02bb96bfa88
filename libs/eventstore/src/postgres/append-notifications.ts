import type { ClientConfig } from 'pg';
import { ListeningConnection } from './listening-connection';

export const APPEND_CHANNEL = 'eventstore_appended';

/**
 * One LISTEN connection per store, shared by its subscriptions. A notification only
 * says "something was committed": subscribers then read. If the connection drops,
 * it listens again after a back-off (listening-connection.ts); subscribers keep polling
 * meanwhile, so a lost notification costs latency, never events.
 */
export class AppendNotifications {
  private readonly connection: ListeningConnection;
  private readonly waiters = new Set<() => void>();
  /** Grows on every notification; a subscriber compares it before and after a read. */
  generation = 0;

  constructor(config: ClientConfig) {
    this.connection = new ListeningConnection(config, APPEND_CHANNEL, {
      // Anything committed while we were not listening must still be read.
      listening: () => this.notify(),
      notification: () => this.notify(),
    });
  }

  ensureStarted(): void {
    this.connection.start();
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
    for (const wake of [...this.waiters]) wake();
    await this.connection.close();
  }

  private notify(): void {
    this.generation += 1;
    for (const wake of [...this.waiters]) wake();
  }
}
