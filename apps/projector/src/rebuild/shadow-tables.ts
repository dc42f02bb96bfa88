import type { EntityManager } from 'typeorm';
import type { CheckpointStore, Projection } from '@l10k/read-model';
import { shadowBinding } from '../runner/projection-binding';

/**
 * Fresh, empty copies of the projection's tables (columns, defaults, keys and indexes)
 * and a checkpoint at the start of the log. Leftovers of an interrupted rebuild go first.
 */
export async function createShadowTables(
  checkpoints: CheckpointStore,
  projection: Projection,
): Promise<void> {
  const shadow = shadowBinding(projection);
  await checkpoints.restart(shadow.checkpointName, async (manager) => {
    for (const table of projection.tables) {
      await manager.query(`DROP TABLE IF EXISTS ${shadow.tables[table]}`);
      await manager.query(`CREATE TABLE ${shadow.tables[table]} (LIKE ${table} INCLUDING ALL)`);
    }
  });
}

interface IndexRow {
  name: string;
  definition: string;
}

/** What an index is, without its own name and its table's: `UNIQUE USING btree (id)`. */
const indexShape = (definition: string): string =>
  definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, '$1');

const indexesOf = (manager: EntityManager, table: string): Promise<IndexRow[]> =>
  manager.query(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = $1::regclass`,
    [table],
  );

/**
 * Puts `shadow` in the place of `live`, inside the caller's transaction: readers wait for
 * the commit, then see the new table. Its indexes (and the primary-key constraint) take
 * the live ones' names back, so the schema looks as the migration left it.
 */
export async function replaceTable(manager: EntityManager, live: string, shadow: string): Promise<void> {
  const liveNames = new Map(
    (await indexesOf(manager, live)).map((index) => [indexShape(index.definition), index.name]),
  );
  await manager.query(`DROP TABLE ${live}`);
  await manager.query(`ALTER TABLE ${shadow} RENAME TO ${live}`);
  for (const index of await indexesOf(manager, live)) {
    const name = liveNames.get(indexShape(index.definition));
    if (name !== undefined && name !== index.name)
      await manager.query(`ALTER INDEX ${index.name} RENAME TO ${name}`);
  }
}
