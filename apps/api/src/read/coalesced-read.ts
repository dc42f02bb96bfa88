import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { queryPrepared } from '../database/prepared-query';

/** One statement never asks for more keys than this; a larger turn is split. */
const MAX_KEYS_PER_STATEMENT = 100;

/**
 * Reads one row by key, the keys asked for in the same turn of the event loop read together by
 * ONE prepared statement (`text` takes the keys as the array `$1` and returns each row with its
 * key as `key`). Under load many requests arrive in one turn (an event loop's poll phase hands
 * over every socket that is readable); each used to pay its own round trip, PostgreSQL wake-up
 * and executor start. A request alone in its turn is read at once, as before: the turn ends
 * without waiting for company. Nothing is cached: every request reads the row as it is now,
 * and what a caller may see is decided per request, after the read.
 */
export class CoalescedRead<Row extends { readonly key: string }> {
  private readonly loader: DataLoader<string, Row | undefined>;

  constructor(database: DataSource, text: string) {
    this.loader = new DataLoader(
      async (keys) => {
        const rows = await queryPrepared<Row>(database, text, [keys]);
        const byKey = new Map(rows.map((row) => [row.key, row]));
        return keys.map((key) => byKey.get(key));
      },
      {
        cache: false,
        maxBatchSize: MAX_KEYS_PER_STATEMENT,
        // After the poll phase, so every request that phase handed over is in the batch.
        batchScheduleFn: (read) => setImmediate(read),
      },
    );
  }

  /** The row of `key` (as PostgreSQL renders it, e.g. a lower-case uuid), or undefined. */
  read(key: string): Promise<Row | undefined> {
    return this.loader.load(key);
  }
}
