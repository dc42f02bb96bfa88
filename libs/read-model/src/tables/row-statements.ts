import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';

/**
 * A read table's entity class. The entity is the table's one description (columns, types,
 * nullability, key, indexes): the statements below are built from its metadata, rows are
 * objects keyed by its property names, and entities.int-spec.ts checks that the
 * migrations create exactly what it describes.
 */
export type RowClass<Row extends ObjectLiteral> = new () => Row;

/** When an upserted row's key already exists. */
export type OnConflict<Row> =
  /** Overwrite only when the new row reflects a later revision of its stream (redeliveries change nothing). */
  | { readonly newerBy: keyof Row & string }
  /** Keep the stored row (insert-only facts). */
  | 'keep';

const metadataOf = <Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: RowClass<Row>,
): EntityMetadata => manager.connection.getMetadata(entity);

function columnOf(metadata: EntityMetadata, property: string): ColumnMetadata {
  const column = metadata.findColumnWithPropertyName(property);
  if (column === undefined) throw new Error(`${metadata.tableName} has no column for property ${property}`);
  return column;
}

/** A value as the column stores it (the entity's transformers, JSON for jsonb, …): TypeORM's own conversion. */
const persisted = (manager: EntityManager, column: ColumnMetadata, row: ObjectLiteral): unknown =>
  manager.connection.driver.preparePersistentValue(column.getEntityValue(row), column);

const statements = new WeakMap<EntityMetadata, Map<string, string>>();

/** Statements depend only on the description, the physical table and the shape of the call: built once. */
function cached(metadata: EntityMetadata, key: string, build: () => string): string {
  let byKey = statements.get(metadata);
  if (byKey === undefined) {
    byKey = new Map();
    statements.set(metadata, byKey);
  }
  let sql = byKey.get(key);
  if (sql === undefined) {
    sql = build();
    byKey.set(key, sql);
  }
  return sql;
}

function upsertSql<Row>(
  metadata: EntityMetadata,
  table: string,
  rowCount: number,
  onConflict: OnConflict<Row>,
): string {
  const columns = metadata.columns.map((column) => column.databaseName);
  const width = columns.length;
  const tuples = Array.from(
    { length: rowCount },
    (_, row) => `(${columns.map((_, index) => `$${row * width + index + 1}`).join(', ')})`,
  );
  const key = metadata.primaryColumns.map((column) => column.databaseName).join(', ');
  const insert = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (${key})`;
  if (onConflict === 'keep') return `${insert} DO NOTHING`;
  const revision = columnOf(metadata, onConflict.newerBy).databaseName;
  const updates = metadata.columns
    .filter((column) => !column.isPrimary)
    .map((column) => `${column.databaseName} = EXCLUDED.${column.databaseName}`);
  return `${insert} DO UPDATE SET ${updates.join(', ')} WHERE ${table}.${revision} < EXCLUDED.${revision}`;
}

/**
 * Writes whole rows into `table` (the entity's own table or a rebuild's shadow of it) in
 * one statement: every column of the description, values taken by property name.
 * The rows' keys must be distinct (one statement cannot touch a row twice).
 */
export async function upsertRows<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: RowClass<Row>,
  table: string,
  rows: readonly Row[],
  onConflict: OnConflict<Row>,
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = metadataOf(manager, entity);
  const conflictKey = onConflict === 'keep' ? 'keep' : `newer:${onConflict.newerBy}`;
  const sql = cached(metadata, `upsert ${table} ${rows.length} ${conflictKey}`, () =>
    upsertSql(metadata, table, rows.length, onConflict),
  );
  const values = rows.flatMap((row) => metadata.columns.map((column) => persisted(manager, column, row)));
  await manager.query(sql, values);
}

function whereClause(metadata: EntityMetadata, properties: readonly string[], offset = 0): string {
  if (properties.length === 0) throw new Error(`a statement on ${metadata.tableName} needs a condition`);
  return properties
    .map((property, index) => `${columnOf(metadata, property).databaseName} = $${offset + index + 1}`)
    .join(' AND ');
}

const whereValues = (manager: EntityManager, metadata: EntityMetadata, where: ObjectLiteral): unknown[] =>
  Object.keys(where).map((property) => persisted(manager, columnOf(metadata, property), where));

/**
 * The row of `table` matching `where` (property → value), hydrated as TypeORM hydrates the
 * entity (transformers applied), with only `properties` read; undefined when there is none.
 */
export async function findRow<Row extends ObjectLiteral, Property extends keyof Row & string>(
  manager: EntityManager,
  entity: RowClass<Row>,
  table: string,
  where: Partial<Row>,
  properties: readonly Property[],
): Promise<Pick<Row, Property> | undefined> {
  const metadata = metadataOf(manager, entity);
  const columns = properties.map((property) => columnOf(metadata, property));
  const conditions = Object.keys(where);
  const sql = cached(metadata, `find ${table} ${properties.join(',')} where ${conditions.join(',')}`, () => {
    const selected = columns.map((column) => column.databaseName).join(', ');
    return `SELECT ${selected} FROM ${table} WHERE ${whereClause(metadata, conditions)}`;
  });
  const [raw]: ObjectLiteral[] = await manager.query(sql, whereValues(manager, metadata, where));
  if (raw === undefined) return undefined;
  return Object.fromEntries(
    columns.map((column) => [
      column.propertyName,
      manager.connection.driver.prepareHydratedValue(raw[column.databaseName], column),
    ]),
  ) as Pick<Row, Property>;
}

/** Deletes the rows of `table` matching `where` (property → value). */
export async function deleteRows<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: RowClass<Row>,
  table: string,
  where: Partial<Row>,
): Promise<void> {
  const metadata = metadataOf(manager, entity);
  const conditions = Object.keys(where);
  const sql = cached(
    metadata,
    `delete ${table} where ${conditions.join(',')}`,
    () => `DELETE FROM ${table} WHERE ${whereClause(metadata, conditions)}`,
  );
  await manager.query(sql, whereValues(manager, metadata, where));
}
