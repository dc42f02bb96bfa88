import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';
import { ApplyValueTransformers } from 'typeorm/util/ApplyValueTransformers';
import { jsonArrayBytes } from './json-array-bytes';

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

/**
 * json and jsonb columns travel beside the rows' JSON, not inside it: json_populate_recordset
 * spends far more on a row that holds a document of a few KB (a summary's detail) than
 * json_array_elements on the same document in an array of their own. Measured on 3,000
 * summary rows, backend CPU of the insert (5 runs alternated): 590-1,120 -> 330-470 ms.
 */
const isDocument = (column: ColumnMetadata): boolean =>
  !column.isArray && (column.type === 'json' || column.type === 'jsonb');

const documentColumnsOf = (metadata: EntityMetadata): ColumnMetadata[] => metadata.columns.filter(isDocument);

/** How many parameters an upsert of the entity takes: its rows, then an array per document column. */
const upsertParameterCount = (metadata: EntityMetadata): number => 1 + documentColumnsOf(metadata).length;

function upsertSql<Row>(
  metadata: EntityMetadata,
  table: string,
  onConflict: OnConflict<Row>,
  firstParameter = 1,
  condition?: string,
): string {
  const columns = metadata.columns.map((column) => column.databaseName);
  const key = metadata.primaryColumns.map((column) => column.databaseName).join(', ');
  const documents = documentColumnsOf(metadata);
  // Every row in one parameter: a JSON array the table's own row type reads (types and arrays
  // included), so a statement takes any number of rows and array columns need no unnest. Read
  // as json, not jsonb: each value's text goes straight to its column's input, without first
  // building (and sorting the keys of) a jsonb document of the whole array. Each document
  // column comes in a JSON array of its own, joined to the rows by position; its JSON null
  // is the column's SQL NULL, as json_populate_recordset reads it.
  const selected = metadata.columns.map((column) => {
    const index = documents.indexOf(column);
    if (index === -1) return `r.${column.databaseName}`;
    return `(CASE WHEN d${index}.value::text <> 'null' THEN d${index}.value END)::${castOf(column)}`;
  });
  const joins = documents.map(
    (_, index) =>
      `\n    JOIN json_array_elements($${firstParameter + 1 + index}::json) WITH ORDINALITY AS d${index}(value, n)` +
      ` ON d${index}.n = r.ordinality`,
  );
  const rows = `json_populate_recordset(NULL::${table}, $${firstParameter}::json)`;
  const source = documents.length === 0 ? `${rows} AS r` : `${rows} WITH ORDINALITY AS r${joins.join('')}`;
  const insert = `INSERT INTO ${table} (${columns.join(', ')})
    SELECT ${selected.join(', ')} FROM ${source}${condition === undefined ? '' : `\n    WHERE ${condition}`}
    ON CONFLICT (${key})`;
  if (onConflict === 'keep') return `${insert} DO NOTHING`;
  const revision = columnOf(metadata, onConflict.newerBy).databaseName;
  const updates = metadata.columns
    .filter((column) => !column.isPrimary)
    .map((column) => `${column.databaseName} = EXCLUDED.${column.databaseName}`);
  return `${insert} DO UPDATE SET ${updates.join(', ')} WHERE ${table}.${revision} < EXCLUDED.${revision}`;
}

/** A column's value in a row: the property, through the entity's transformer. */
function columnValue(column: ColumnMetadata): (row: ObjectLiteral) => unknown {
  const { propertyName, transformer } = column;
  // Read tables are flat (no embedded entities).
  if (column.embeddedMetadata !== undefined)
    return (row: ObjectLiteral): unknown => column.getEntityValue(row, true);
  if (transformer === undefined) return (row: ObjectLiteral): unknown => row[propertyName];
  return (row: ObjectLiteral): unknown => ApplyValueTransformers.transformTo(transformer, row[propertyName]);
}

/**
 * The rows' parameters for upsertSql: their JSON array (documents left out), then one JSON
 * array per document column (isDocument says why), each as UTF-8 bytes (json-array-bytes.ts).
 */
function rowsParameters(metadata: EntityMetadata, rows: readonly ObjectLiteral[]): Buffer[] {
  const documents = documentColumnsOf(metadata);
  const values = metadata.columns
    .filter((column) => !isDocument(column))
    .map((column) => ({ name: column.databaseName, value: columnValue(column) }));
  return [
    jsonArrayBytes(rows, (row) => {
      const record: Record<string, unknown> = {};
      for (const column of values) record[column.name] = column.value(row) ?? null;
      return record;
    }),
    ...documents.map((column) => jsonArrayBytes(rows, columnValue(column))),
  ];
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
  await manager.query(sql, rowsParameters(metadata, rows));
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
  const sql = cached(metadata, `delete ${table} by ${property}`, () => deleteSql(table, key));
  await manager.query(sql, [values.map((value) => persisted(manager, key, value))]);
}

const deleteSql = (table: string, key: ColumnMetadata, parameter = '$1', condition?: string): string =>
  `DELETE FROM ${table} WHERE ${key.databaseName} = ANY(${parameter}::${castOf(key)}[])${condition === undefined ? '' : ` AND ${condition}`}`;

/** One table's part of a write of several tables (writeRows): rows to upsert, as upsertRows takes them. */
export interface RowsUpsert<Row extends ObjectLiteral> {
  readonly upsert: RowClass<Row>;
  readonly table: string;
  readonly rows: readonly Row[];
  readonly onConflict: OnConflict<Row>;
}

/** One table's part of a write of several tables (writeRows): the rows to delete, as deleteRows takes them. */
export interface RowsDelete<Row extends ObjectLiteral, Key extends keyof Row & string = keyof Row & string> {
  readonly delete: RowClass<Row>;
  readonly table: string;
  readonly by: Key;
  readonly values: readonly Row[Key][];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each part has its own row type
type RowsWrite = RowsUpsert<any> | RowsDelete<any>;

/** An upsert part, its rows checked against its entity. */
export const upsertPart = <Row extends ObjectLiteral>(
  entity: RowClass<Row>,
  table: string,
  rows: readonly Row[],
  onConflict: OnConflict<Row>,
): RowsUpsert<Row> => ({ upsert: entity, table, rows, onConflict });

/** A delete part, its key checked against its entity. */
export const deletePart = <Row extends ObjectLiteral, Key extends keyof Row & string>(
  entity: RowClass<Row>,
  table: string,
  by: Key,
  values: readonly Row[Key][],
): RowsDelete<Row, Key> => ({ delete: entity, table, by, values });

/** Statements of several tables' writes, per connection, by the shape of the call. */
const combinedStatements = new WeakMap<object, Map<string, string>>();

const partShape = (part: RowsWrite): string =>
  'upsert' in part
    ? `upsert ${part.table} ${part.onConflict === 'keep' ? 'keep' : part.onConflict.newerBy}`
    : `delete ${part.table} by ${part.by}`;

/** How many parameters the part's statement takes. */
const partParameterCount = (manager: EntityManager, part: RowsWrite): number =>
  'upsert' in part ? upsertParameterCount(metadataOf(manager, part.upsert)) : 1;

/** The part's statement, its parameters numbered from `first`, writing only where `condition` holds. */
const partSql = (manager: EntityManager, part: RowsWrite, first: number, condition?: string): string =>
  'upsert' in part
    ? upsertSql(metadataOf(manager, part.upsert), part.table, part.onConflict, first, condition)
    : deleteSql(part.table, columnOf(metadataOf(manager, part.delete), part.by), `$${first}`, condition);

/** The part's parameters: its rows (rowsParameters), or its keys as the column stores them. */
function partParameters(manager: EntityManager, part: RowsWrite): unknown[] {
  if ('upsert' in part) return rowsParameters(metadataOf(manager, part.upsert), part.rows);
  const key = columnOf(metadataOf(manager, part.delete), part.by);
  return [part.values.map((value) => persisted(manager, key, value))];
}

/** A write of several tables, built (every row serialised) and ready to run: see rowsStatement. */
export interface RowsStatement {
  readonly sql: string;
  readonly parameters: unknown[];
  /** Guarded (rowsStatement's `guard`): the statement answers one row, `{ ok }`. */
  readonly guarded: boolean;
}

/**
 * Where the rows of one table must stand for a guarded write to happen: each key at its
 * revision (-1n: no row). Read on the statement's own snapshot, before its writes.
 */
export interface RowsGuard<Row extends ObjectLiteral> {
  readonly entity: RowClass<Row>;
  readonly table: string;
  readonly key: keyof Row & string;
  readonly revision: keyof Row & string;
  readonly expected: ReadonlyMap<Row[keyof Row & string], bigint>;
}

/** The guard's CTE over $1 (keys) and $2 (revisions): one row, whether every key stands where expected. */
function guardSql<Row extends ObjectLiteral>(manager: EntityManager, guard: RowsGuard<Row>): string {
  const metadata = metadataOf(manager, guard.entity);
  const key = columnOf(metadata, guard.key);
  const revision = columnOf(metadata, guard.revision).databaseName;
  return `guard AS (SELECT NOT EXISTS (
    SELECT 1 FROM unnest($1::${castOf(key)}[], $2::bigint[]) AS expected (key, revision)
    LEFT JOIN ${guard.table} AS stored ON stored.${key.databaseName} = expected.key
    WHERE coalesce(stored.${revision}, -1) <> expected.revision) AS ok)`;
}

/** Runs a statement rowsStatement built; for a guarded one, whether its guard held (and it wrote). */
export async function runRowsStatement(manager: EntityManager, statement: RowsStatement): Promise<boolean> {
  const answer: Array<{ ok: boolean }> = await manager.query(statement.sql, statement.parameters);
  return !statement.guarded || answer[0]?.ok === true;
}

/**
 * The parts' upserts and deletes in ONE statement (each but the last a data-modifying CTE),
 * so a projection that writes several tables pays one round trip, not one per table. The
 * parts must touch different rows (PostgreSQL runs them on one snapshot, in no set order),
 * and each part's keys must be distinct, as for upsertRows. Empty parts are left out.
 */
export async function writeRows(manager: EntityManager, parts: readonly RowsWrite[]): Promise<void> {
  const statement = rowsStatement(manager, parts);
  if (statement !== undefined) await runRowsStatement(manager, statement);
}

/**
 * writeRows' statement and parameters, built but not run (undefined when every part is
 * empty): serialising the rows is most of a write's cost in the projector, and a projection
 * may do it for its next batch while this one's statement runs. With a `guard`, the parts
 * write only if the guard's rows stand where it expects, and the statement says whether
 * they did: a write prepared from what was expected needs no read of the rows first.
 */
export function rowsStatement<Guarded extends ObjectLiteral>(
  manager: EntityManager,
  parts: readonly RowsWrite[],
  guard?: RowsGuard<Guarded>,
): RowsStatement | undefined {
  const present = parts.filter((part) => ('upsert' in part ? part.rows.length : part.values.length) > 0);
  if (present.length === 0) return undefined;
  let byShape = combinedStatements.get(manager.connection);
  if (byShape === undefined) {
    byShape = new Map();
    combinedStatements.set(manager.connection, byShape);
  }
  const shape = `${present.map(partShape).join('; ')}${guard === undefined ? '' : ` guarded by ${guard.table}`}`;
  let sql = byShape.get(shape);
  if (sql === undefined) {
    let next = guard === undefined ? 1 : 3;
    const condition = guard === undefined ? undefined : '(SELECT ok FROM guard)';
    const statements = present.map((part) => {
      const first = next;
      next += partParameterCount(manager, part);
      return partSql(manager, part, first, condition);
    });
    if (guard === undefined) {
      const last = statements.length - 1;
      const before = statements.slice(0, last).map((statement, index) => `part${index} AS (${statement})`);
      sql = before.length === 0 ? statements[last] : `WITH ${before.join(',\n')}\n${statements[last]}`;
    } else {
      // Every part a data-modifying CTE (each runs whether or not it is referenced), then the guard's answer.
      const parts = statements.map((statement, index) => `part${index} AS (${statement})`);
      sql = `WITH ${[guardSql(manager, guard), ...parts].join(',\n')}\nSELECT ok FROM guard`;
    }
    byShape.set(shape, sql);
  }
  const parameters = present.flatMap((part) => partParameters(manager, part));
  if (guard === undefined) return { sql, parameters, guarded: false };
  const key = columnOf(metadataOf(manager, guard.entity), guard.key);
  const expected = [...guard.expected];
  return {
    sql,
    parameters: [
      expected.map(([value]) => persisted(manager, key, value)),
      expected.map(([, revision]) => revision.toString()),
      ...parameters,
    ],
    guarded: true,
  };
}
