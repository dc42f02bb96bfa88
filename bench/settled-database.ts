/** What both benchmarks query through: pg's Client (bench:api) and TypeORM's DataSource (bench:projector). */
interface Queryable {
  query(sql: string): Promise<unknown>;
}

/**
 * The database's own housekeeping, done before a measured run instead of during it:
 * VACUUM (ANALYZE) and CHECKPOINT. After a phase that wrote much (a seeding, a live run, a
 * write run), autovacuum would otherwise vacuum and analyse those tables, and the checkpointer
 * flush them, while the next run is being measured, on the same two cores, and charge it the
 * previous phase's cost. Answers the seconds it took.
 */
export async function settleDatabase(database: Queryable): Promise<number> {
  const started = performance.now();
  await database.query('VACUUM (ANALYZE)');
  await database.query('CHECKPOINT');
  return (performance.now() - started) / 1000;
}
