import DataLoader from 'dataloader';

/** One statement never serves more calls than this; a larger turn is split. */
const MAX_CALLS_PER_STATEMENT = 100;

/**
 * Calls made in the same turn of the event loop, served together by one `serve` (one statement).
 * Under load many requests arrive in one turn (an event loop's poll phase hands over every
 * socket that is readable); each used to pay its own round trip, PostgreSQL wake-up and executor
 * start. A call alone in its turn is served at once: the turn ends without waiting for company.
 * Nothing is cached: a later turn is served afresh, and a failed statement fails the calls it
 * served, and only those.
 */
export function perTurn<Call, Answer>(
  serve: (calls: readonly Call[]) => Promise<readonly Answer[]>,
): DataLoader<Call, Answer> {
  return new DataLoader(serve, {
    cache: false,
    maxBatchSize: MAX_CALLS_PER_STATEMENT,
    // After the poll phase, so every request that phase handed over is in the batch.
    batchScheduleFn: (run) => setImmediate(run),
  });
}
