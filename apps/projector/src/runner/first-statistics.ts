import { fresh } from '@l10k/rules';
import type { ProjectionBinding } from './projection-binding';

/** Events a rebuild's binding folds before its tables get their first statistics. */
export const FIRST_STATISTICS_AFTER = 10_000;

/**
 * The binding, whose tables get ONE `ANALYZE` in the transaction of the batch that takes it
 * past `after` events. A rebuild's shadow tables fill with autovacuum off (shadow-tables.ts),
 * so until the full ANALYZE at the end the planner knows only their size. For `key = ANY(…)`
 * on a key that is not unique on its own (round_statistics' application_id, the first column
 * of its primary key) it then guesses half a percent of the rows per value and reads the whole
 * table for a few hundred values: a scan per batch that grows with the table, ~8 ms a batch at
 * 100k rows, 4.2 s of a 1M-event rebuild. Statistics taken from a few batches' rows give it
 * the keys' shape, and the plan scales with the table from there.
 */
export function withFirstStatistics(
  binding: ProjectionBinding,
  after = FIRST_STATISTICS_AFTER,
): ProjectionBinding {
  const { projection } = binding;
  let folded = 0;
  let analysed = false;
  return {
    ...fresh,
    ...binding,
    projection: {
      ...fresh,
      ...projection,
      async project(manager, events, tables, streams, next) {
        await projection.project(manager, events, tables, streams, next);
        folded += events.length;
        if (analysed || folded < after) return;
        // Inside the batch's transaction: ANALYZE counts its own uncommitted rows, and its
        // statistics commit with them. A batch that fails stops the rebuild, whose next run
        // starts over with fresh tables (and bindings).
        for (const table of Object.values(tables)) await manager.query(`ANALYZE ${table}`);
        analysed = true;
      },
    },
  };
}
