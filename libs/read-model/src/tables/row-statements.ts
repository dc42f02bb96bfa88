import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';
import { ApplyValueTransformers } from 'typeorm/util/ApplyValueTransformers';

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

/** A key value as the column stores it (the entity's transformers …): TypeORM's own conversion. */
const persisted = (manager: EntityManager, column: ColumnMetadata, value: unknown): unknown =>
  manager.connection.driver.preparePersistentValue(value, column);

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

/** The column's type as a cast names it (`uuid`, `text[]`, …). */
const castOf = (column: ColumnMetadata): string => `${String(column.type)}${column.isArray ? '[]' : ''}`;

function upsertSql<Row>(metadata: EntityMetadata, table: string, onConflict: OnConflict<Row>): string {
  const columns = metadata.columns.map((column) => column.databaseName);
  const key = metadata.primaryColumns.map((column) => column.databaseName).join(', ');
  // Every row in one parameter: a JSON array the table's own row type reads (types, arrays and
  // jsonb included), so a statement takes any number of rows and array columns need no unnest.
  const insert = `INSERT INTO ${table} (${columns.join(', ')})
    SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)
    ON CONFLICT (${key})`;
  if (onConflict === 'keep') return `${insert} DO NOTHING`;
  const revision = columnOf(metadata, onConflict.newerBy).databaseName;
  const updates = metadata.columns
    .filter((column) => !column.isPrimary)
    .map((column) => `${column.databaseName} = EXCLUDED.${column.databaseName}`);
  return `${insert} DO UPDATE SET ${updates.join(', ')} WHERE ${table}.${revision} < EXCLUDED.${revision}`;
}

/** The rows as one JSON array keyed by column name, values through the entity's transformers. */
function rowsJson(metadata: EntityMetadata, rows: readonly ObjectLiteral[]): string {
  return JSON.stringify(rowRecords(metadata, rows));
}

function rowRecords(
  metadata: EntityMetadata,
  rows: readonly ObjectLiteral[],
): Array<Record<string, unknown>> {
  const columns = metadata.columns.map((column) => {
    const { propertyName, transformer } = column;
    // Read tables are flat (no embedded entities): the property, through its transformer.
    const value =
      column.embeddedMetadata !== undefined
        ? (row: ObjectLiteral): unknown => column.getEntityValue(row, true)
        : transformer === undefined
          ? (row: ObjectLiteral): unknown => row[propertyName]
          : (row: ObjectLiteral): unknown =>
              ApplyValueTransformers.transformTo(transformer, row[propertyName]);
    return { name: column.databaseName, value };
  });
  return rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const column of columns) record[column.name] = column.value(row) ?? null;
    return record;
  });
}

/**
 * Writes whole rows into `table` (the entity's own table or a rebuild's shadow of it) in
 * one set-based statement, however many: every column of the description, values taken
 * by property name. The rows' keys must be distinct (one statement cannot touch a row twice).
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
  const sql = cached(metadata, `upsert ${table} ${conflictKey}`, () =>
    upsertSql(metadata, table, onConflict),
  );
  await manager.query(sql, [rowsJson(metadata, rows)]);
}

/**
 * The rows of `table` whose `property` is one of `values` (one statement), hydrated as
 * TypeORM hydrates the entity (transformers applied), with only `properties` read.
 */
export async function findRows<
  Row extends ObjectLiteral,
  Key extends keyof Row & string,
  Property extends keyof Row & string,
>(
  manager: EntityManager,
  entity: RowClass<Row>,
  table: string,
  property: Key,
  values: readonly Row[Key][],
  properties: readonly Property[],
): Promise<Array<Pick<Row, Property | Key>>> {
  if (values.length === 0) return [];
  const metadata = metadataOf(manager, entity);
  const key = columnOf(metadata, property);
  const columns = [...new Set([property, ...properties])].map((name) => columnOf(metadata, name));
  const sql = cached(
    metadata,
    `find ${table} ${columns.map((c) => c.propertyName).join(',')} by ${property}`,
    () => {
      const selected = columns.map((column) => column.databaseName).join(', ');
      return `SELECT ${selected} FROM ${table} WHERE ${key.databaseName} = ANY($1::${castOf(key)}[])`;
    },
  );
  const raw: ObjectLiteral[] = await manager.query(sql, [
    values.map((value) => persisted(manager, key, value)),
  ]);
  return raw.map(
    (row) =>
      Object.fromEntries(
        columns.map((column) => [
          column.propertyName,
          manager.connection.driver.prepareHydratedValue(row[column.databaseName], column),
        ]),
      ) as Pick<Row, Property | Key>,
  );
}

/** Deletes the rows of `table` whose `property` is one of `values` (one statement). */
export async function deleteRows<Row extends ObjectLiteral, Key extends keyof Row & string>(
  manager: EntityManager,
  entity: RowClass<Row>,
  table: string,
  property: Key,
  values: readonly Row[Key][],
): Promise<void> {
  if (values.length === 0) return;
  const metadata = metadataOf(manager, entity);
  const key = columnOf(metadata, property);
  const sql = cached(
    metadata,
    `delete ${table} by ${property}`,
    () => `DELETE FROM ${table} WHERE ${key.databaseName} = ANY($1::${castOf(key)}[])`,
  );
  await manager.query(sql, [values.map((value) => persisted(manager, key, value))]);
}
