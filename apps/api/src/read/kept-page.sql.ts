import type { DataSource } from 'typeorm';
import { readModelProjections } from '@l10k/read-model';
import { queryPrepared } from '../database/prepared-query';
import type { SqlConditions } from './sql-conditions';

/** The names of the projections whose transactions write `tables`: what a read of them depends on. */
export function writersOf(tables: readonly string[]): string[] {
  const writers = tables.map((table) => {
    const writer = readModelProjections.find((projection) => projection.tables.includes(table));
    if (!writer) throw new Error(`no projection writes ${table}: reads of it cannot know when it changed`);
    return writer.name;
  });
  return [...new Set(writers)];
}

/**
 * The version of what `writers` write, as SQL: their checkpoint rows' checkpoint, events
 * processed and time of the last commit. Every transaction that changes one of their tables
 * moves that row in the same transaction (a rebuild's switch included), so while the version
 * stands, so do the tables. NULL while one of them has no checkpoint row.
 */
function versionExpression(sql: SqlConditions, writers: readonly string[]): string {
  return writers
    .map(
      (writer) =>
        `(SELECT coalesce(c.checkpoint, '-') || ':' || c.events_processed || ':' || c.updated_at
            FROM projection_checkpoints c WHERE c.name = ${sql.value(writer)})`,
    )
    .join(` || '|' || `);
}

/** A page's rows as its own statement would read them: from, conditions (`sql`), order and limit. */
export interface PageQuery {
  readonly select: string;
  readonly from: string;
  /** For a page of totals: what its lines are grouped by. */
  readonly groupBy?: string;
  readonly orderBy: string;
  /** The same order over the page's selected columns, for the outer statement. */
  readonly outerOrderBy: string;
  readonly limit: number;
}

/**
 * A page's statement that reads its rows only when the version of what `writers` write is
 * no longer `known` (the version of the page kept for it): one round trip either way. Every
 * row carries the version as committed now (`keptVersion`, NULL without checkpoints) and
 * whether it is a line of the page (`isLine`); when the version equals `known`, a single row
 * without a line comes back. The condition refers to nothing of the page's rows, so
 * PostgreSQL tests it once, before reading any (a one-time filter: the page's index scan is
 * "never executed"). OFFSET 0 keeps the version one subquery, read once, instead of a copy
 * of it in each place the planner would inline it.
 * `sql` holds the page's conditions; the version's parameters are added to it.
 */
export function pageUnlessUnchanged(
  sql: SqlConditions,
  writers: readonly string[],
  known: string | undefined,
  page: PageQuery,
): string {
  const version = versionExpression(sql, writers);
  sql.where(`v.version IS NULL OR v.version IS DISTINCT FROM ${sql.value(known ?? null)}::text`);
  return `SELECT v.version AS "keptVersion", p.*
    FROM (SELECT ${version} AS version OFFSET 0) AS v
    LEFT JOIN LATERAL (
      SELECT true AS "isLine", ${page.select} FROM ${page.from} ${sql.clause}
       ${page.groupBy === undefined ? '' : `GROUP BY ${page.groupBy}`}
       ORDER BY ${page.orderBy} LIMIT ${page.limit}
    ) AS p ON true
   ORDER BY ${page.outerOrderBy}`;
}

/** A page read by readPageUnlessUnchanged: the version read, and its lines unless that is the kept version. */
export interface PageUnlessUnchanged<Row> {
  readonly version: string | undefined;
  /** Undefined when the version is `known`: the kept page stands. */
  readonly lines?: Row[];
}

/** Reads a page with pageUnlessUnchanged's statement, on the read model's pool, prepared. */
export async function readPageUnlessUnchanged<Row>(
  database: DataSource,
  sql: SqlConditions,
  writers: readonly string[],
  known: string | undefined,
  page: PageQuery,
): Promise<PageUnlessUnchanged<Row>> {
  const text = pageUnlessUnchanged(sql, writers, known, page);
  const rows = await queryPrepared<Row & { keptVersion: string | null; isLine: boolean | null }>(
    database,
    text,
    sql.values,
  );
  const version = rows[0]?.keptVersion ?? undefined;
  if (known !== undefined && version === known) return { version };
  // Without a page (none in scope, or none read), the one row is no line.
  return { version, lines: rows.filter((row) => row.isLine === true) };
}
