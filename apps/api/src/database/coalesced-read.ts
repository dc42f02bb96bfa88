import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { perTurn } from './per-turn';
import { queryPrepared, statementName } from './prepared-query';

/**
 * Reads one row by key, the keys asked for in the same turn of the event loop read together by
 * ONE prepared statement (per-turn.ts; `text` takes the keys as the array `$1` and returns each
 * row with its key as `key`). Nothing is cached: every request reads the row as it is now, and
 * what a caller may see is decided per request, after the read.
 */
export class CoalescedRead<Row extends { readonly key: string }> {
  private readonly loader: DataLoader<string, Row | undefined>;

  /** `name`: the prepared statement's name, when it should say what it is (default: from the text). */
  constructor(database: DataSource, text: string, name = statementName(text)) {
    this.loader = perTurn(async (keys) => {
      const rows = await queryPrepared<Row>(database, text, [keys], name);
      const byKey = new Map(rows.map((row) => [row.key, row]));
      return keys.map((key) => byKey.get(key));
    });
  }

  /** The row of `key` (as PostgreSQL renders it, e.g. a lower-case uuid), or undefined. */
  read(key: string): Promise<Row | undefined> {
    return this.loader.load(key);
  }
}
