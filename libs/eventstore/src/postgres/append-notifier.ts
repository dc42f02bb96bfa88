import type { Pool } from 'pg';
import { APPEND_CHANNEL } from './append-notifications';

/**
 * Sends NOTIFY after appends commit, coalesced: at most one in flight, and one more
 * after it if appends committed meanwhile. A NOTIFY inside the append transaction
 * would take PostgreSQL's global notify lock until its commit is flushed, so that
 * concurrent appends commit one at a time (measured: 8 writers no faster than 1).
 * A notification lost to a crash between commit and NOTIFY costs latency only:
 * subscribers also poll.
 */
export class AppendNotifier {
  private inFlight = false;
  private pending = false;
  private closed = false;

  constructor(private readonly pool: Pool) {}

  appended(): void {
    if (this.closed) return;
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    this.inFlight = true;
    this.pending = false;
    this.pool
      .query(`NOTIFY ${APPEND_CHANNEL}`)
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        if (this.pending) this.appended();
      });
  }

  /** Waits for the NOTIFY in flight, so closing the pool does not cut it off. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.inFlight) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
