import type { EventStore } from '@l10k/eventstore';

/**
 * Wakes the live loops when the log grows: one store subscription, used only as a signal
 * (the loops read the new events in batches themselves). A timeout bounds every wait,
 * so a lost subscription only slows the projector down to polling.
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

  /** Changes whenever an event arrives; read it before catching up, pass it to `wait`. */
  get generation(): number {
    return this.generationCount;
  }

  /** Resolves when an event arrived since `seenGeneration`, after `timeoutMs`, or on close. */
  wait(seenGeneration: number, timeoutMs: number, resumeFrom: string | null): Promise<void> {
    if (this.abort.signal.aborted || this.generationCount !== seenGeneration) return Promise.resolve();
    this.subscription ??= this.follow(resumeFrom);
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

  private async follow(from: string | null): Promise<void> {
    try {
      for await (const event of this.store.subscribe({
        from: from ?? undefined,
        signal: this.abort.signal,
      })) {
        void event;
        this.generationCount += 1;
        for (const wake of [...this.waiters]) wake();
      }
    } catch (error) {
      if (!this.abort.signal.aborted) this.onError(error);
    } finally {
      // The next wait starts a fresh subscription from where its caller stands.
      this.subscription = undefined;
    }
  }
}
