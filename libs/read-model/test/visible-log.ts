import type { EventStore } from '@l10k/eventstore';

/**
 * Waits until `readAll` shows `events` events. The PostgreSQL adapter shows a committed
 * event only once every older transaction in the cluster has ended, and the test server is
 * shared by suites running in parallel, so "appended" can precede "readable" by a moment.
 */
export async function waitForVisibleLog(
  store: EventStore,
  events: number,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let visible = 0;
    for await (const batch of store.readAll({ batchSize: 5_000 })) visible += batch.length;
    if (visible >= events) return;
    if (Date.now() > deadline) throw new Error(`only ${visible} of ${events} events became readable`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
