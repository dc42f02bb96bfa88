import type { EntityManager } from 'typeorm';
import { readModelProjections } from '@l10k/read-model';

export interface TableChecksum {
  readonly rows: number;
  readonly md5: string;
}

/** Row count and md5 of a table's rows in primary-key order: equal checksums, equal contents. */
async function tableChecksum(manager: EntityManager, table: string): Promise<TableChecksum> {
  const keys: Array<{ column: string }> = await manager.query(
    `SELECT a.attname AS column FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
    [table],
  );
  const order = keys.map((key) => `t.${key.column}`).join(', ');
  // md5 per row, then of the row hashes: the aggregate stays small however large the table.
  const [row] = await manager.query(
    `SELECT count(*)::int AS rows, coalesce(md5(string_agg(md5(t::text), '' ORDER BY ${order})), '') AS md5 FROM ${table} t`,
  );
  return row;
}

/** Every read model's checksum, keyed by table. */
export async function readModelChecksums(manager: EntityManager): Promise<Record<string, TableChecksum>> {
  const result: Record<string, TableChecksum> = {};
  for (const table of readModelProjections.flatMap((projection) => projection.tables))
    result[table] = await tableChecksum(manager, table);
  return result;
}
