import type { Pool } from 'pg';
import { APPEND_CHANNEL } from './append-notifications';

/** Subscribers hear of a burst of appends this long after its first NOTIFY at the latest. */
export const DEFAULT_NOTIFY_INTERVAL_MS = 20;

/**
 * Sends NOTIFY after appends commit, coalesced: the first append after a quiet spell is
 * announced at once; appends while a NOTIFY is in flight, or within `intervalMs` after it,
 * share one more NOTIFY at the end of that interval. Without the interval a busy API sent
 * one NOTIFY per append (as many statements as the appends themselves), and each woke every
 * subscriber for a batch of one event. A NOTIFY inside the append transaction would take
 * PostgreSQL's global notify lock until its commit is flushed, so that concurrent appends
 * commit one at a time (measured: 8 writers no faster than 1). A notification lost to a
 * crash between commit and NOTIFY costs latency only: subscribers also poll.
 */
export class AppendNotifier {
  private busy = false;
  private pending = false;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly intervalMs = DEFAULT_NOTIFY_INTERVAL_MS,
  ) {}

  appended(): void {
    if (this.closed) return;
    if (this.busy) {
      this.pending = true;
      return;
    }
    this.busy = true;
    this.pending = false;
    this.pool
      .query(`NOTIFY ${APPEND_CHANNEL}`)
      .catch(() => undefined)
      .finally(() => {
        if (this.closed) return this.settle();
        this.timer = setTimeout(() => this.settle(), this.intervalMs);
      });
  }

  /** Waits for the NOTIFY in flight, so closing the pool does not cut it off; a pending one is sent first. */
  async close(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.settle();
    }
    this.closed = true;
    while (this.busy) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private settle(): void {
    this.timer = undefined;
    const again = this.pending && !this.closed;
    this.busy = false;
    if (again) this.appended();
  }
}
