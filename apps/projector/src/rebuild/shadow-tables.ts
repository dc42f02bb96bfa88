import type { EntityManager } from 'typeorm';
import type { CheckpointStore, Projection } from '@l10k/read-model';
import { shadowBinding } from '../runner/projection-binding';

/** The key and unique constraints of a table, as `ALTER TABLE … ADD` takes them. */
const keyConstraintsOf = async (manager: EntityManager, table: string): Promise<string[]> =>
  (
    (await manager.query(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
        WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'x') ORDER BY conname`,
      [table],
    )) as Array<{ definition: string }>
  ).map((row) => row.definition);

/**
 * The columns whose statistics target is set (`ALTER COLUMN … SET STATISTICS`), which
 * `CREATE TABLE … LIKE` does not copy. Before PostgreSQL 17 an unset target reads -1, since
 * then null.
 */
const statisticsTargetsOf = async (
  manager: EntityManager,
  table: string,
): Promise<Array<{ name: string; target: number }>> =>
  manager.query(
    `SELECT quote_ident(attname) AS name, attstattarget::int AS target FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attstattarget >= 0
      ORDER BY attnum`,
    [table],
  );

/**
 * Fresh, empty copies of the projection's tables (columns, defaults, checks, keys and
 * statistics targets) and a checkpoint at the start of the log. Leftovers of an interrupted
 * rebuild go first. The other indexes come once the replay is done (indexShadowTables):
 * building an index once costs far less than keeping it up to date through every batch.
 * So do the statistics:
 * autovacuum is off for the copies while they fill. A table that grows from nothing is
 * otherwise analysed each time a tenth more rows arrive and vacuumed each time a fifth
 * more do, dozens of passes in a long rebuild: in a 1M-event rebuild the server's ended
 * children (autovacuum workers) took ~3.9 s of CPU per 45 s beside ~11 s of the rebuild's
 * own sessions. The one vacuum the filled table still needs comes after the switch.
 */
export async function createShadowTables(
  checkpoints: CheckpointStore,
  projection: Projection,
): Promise<void> {
  const shadow = shadowBinding(projection);
  await checkpoints.restart(shadow.checkpointName, async (manager) => {
    for (const table of projection.tables) {
      const copy = shadow.tables[table];
      await manager.query(`DROP TABLE IF EXISTS ${copy}`);
      await manager.query(
        `CREATE TABLE ${copy} (LIKE ${table} INCLUDING ALL EXCLUDING INDEXES) WITH (autovacuum_enabled = off)`,
      );
      for (const constraint of await keyConstraintsOf(manager, table))
        await manager.query(`ALTER TABLE ${copy} ADD ${constraint}`);
      for (const { name, target } of await statisticsTargetsOf(manager, table))
        await manager.query(`ALTER TABLE ${copy} ALTER COLUMN ${name} SET STATISTICS ${target}`);
    }
  });
}

/**
 * Gives the shadow tables the live tables' other indexes (replaceTable then gives them
 * their names), their statistics (one ANALYZE) and autovacuum back, in a transaction of
 * the rebuild's own checkpoint, which stays where it is: the live checkpoint is not locked
 * meanwhile, so the live runner goes on.
 */
export async function indexShadowTables(checkpoints: CheckpointStore, projection: Projection): Promise<void> {
  const { checkpointName } = shadowBinding(projection);
  const { checkpoint } = await checkpoints.position(checkpointName);
  const work = async (manager: EntityManager): Promise<void> => {
    await createIndexes(manager, projection);
    await settleShadowTables(manager, projection);
  };
  if (checkpoint === null) return checkpoints.restart(checkpointName, work);
  if (!(await checkpoints.advance(checkpointName, checkpoint, { checkpoint, events: 0 }, work)))
    throw new Error(`the rebuild of ${projection.name} was moved by another run while it was indexed`);
}

async function createIndexes(manager: EntityManager, projection: Projection): Promise<void> {
  const shadow = shadowBinding(projection);
  for (const table of projection.tables) {
    const indexes: Array<{ definition: string }> = await manager.query(
      `SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
        WHERE i.indrelid = $1::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      [table],
    );
    for (const { definition } of indexes)
      await manager.query(
        definition.replace(
          /^CREATE (UNIQUE )?INDEX \S+ ON \S+ /,
          `CREATE $1INDEX ON ${shadow.tables[table]} `,
        ),
      );
  }
}

/** The shadow tables as the live ones are kept: autovacuum on (as the migrations leave it), planner statistics fresh. */
async function settleShadowTables(manager: EntityManager, projection: Projection): Promise<void> {
  const shadow = shadowBinding(projection);
  for (const table of projection.tables) {
    await manager.query(`ALTER TABLE ${shadow.tables[table]} RESET (autovacuum_enabled)`);
    await manager.query(`ANALYZE ${shadow.tables[table]}`);
  }
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
