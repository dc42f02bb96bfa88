import type { EventStore } from '@l10k/eventstore';

/**
 * Wakes the live loops when the log grows: one store watch (EventStore.watch), a signal only,
 * so the loops' own batch reads are the only reads of the new events (a subscription here
 * read every event once more just to count it). A timeout bounds every wait, so a lost
 * watch only slows the projector down to polling.
 */
export class LiveWake {
  private generationCount = 0;
  private readonly waiters = new Set<() => void>();
  private subscription?: Promise<void>;
  private readonly abort = new AbortController();

  constructor(
    private readonly store: EventStore,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Changes whenever the log may have grown; read it before catching up, pass it to `wait`. */
  get generation(): number {
    return this.generationCount;
  }

  /** Resolves when the log may have grown since `seenGeneration`, after `timeoutMs`, or on close. */
  wait(seenGeneration: number, timeoutMs: number): Promise<void> {
    if (this.abort.signal.aborted || this.generationCount !== seenGeneration) return Promise.resolve();
    this.subscription ??= this.follow();
    return this.pause(timeoutMs);
  }

  /** Pauses until the timeout, an event, or close; for back-off after a failure. */
  sleep(ms: number): Promise<void> {
    if (this.abort.signal.aborted) return Promise.resolve();
    return this.pause(ms);
  }

  async close(): Promise<void> {
    this.abort.abort();
    for (const wake of [...this.waiters]) wake();
    await this.subscription;
  }

  private pause(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  private async follow(): Promise<void> {
    try {
      // The watch's first yield comes at once: whatever was appended before it began is read too.
      for await (const _grown of this.store.watch({ signal: this.abort.signal })) {
        this.generationCount += 1;
        for (const wake of [...this.waiters]) wake();
      }
    } catch (error) {
      if (!this.abort.signal.aborted) this.onError(error);
    } finally {
      // The next wait starts a fresh watch.
      this.subscription = undefined;
    }
  }
}
