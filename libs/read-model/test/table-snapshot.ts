import type { EntityManager } from 'typeorm';
import { readModelProjections } from '@l10k/read-model';

/** Every table a projection owns, live names. */
export const readModelTables = (): string[] =>
  readModelProjections.flatMap((projection) => [...projection.tables]);

/** A table's full contents ordered by its primary key, for row-for-row comparison. */
export async function tableRows(manager: EntityManager, table: string): Promise<unknown[]> {
  const keys: Array<{ column: string }> = await manager.query(
    `SELECT a.attname AS column
       FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey, a.attnum)`,
    [table],
  );
  return manager.query(`SELECT * FROM ${table} ORDER BY ${keys.map((key) => key.column).join(', ')}`);
}

/** Every read model's rows, keyed by table. */
export async function readModelSnapshot(manager: EntityManager): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of readModelTables()) snapshot[table] = await tableRows(manager, table);
  return snapshot;
}
