/**
 * Projector benchmark (issue 5): on a throwaway embedded PostgreSQL, writes realistic
 * application lifecycles and budget events through the domain's deciders (appended many
 * streams at a time, for speed), runs the live runner to the end of the log, then
 * rebuilds every projection with the progress bars and compares each table with the
 * live run's. Prints events/s for both, then one JSON line.
 *   BENCH_EVENTS   events to generate (default 100000)
 *   BENCH_BATCH    events per projector transaction (default 1000)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { createDatabase, freePort, migrate } from '@l10k/database';
import { startEmbeddedDatabase } from '@l10k/database/embedded-database';
import { PostgresEventStore } from '@l10k/eventstore';
import { PostgresCheckpointStore, readModelEntities, readModelProjections } from '@l10k/read-model';
import { progressBars, ProjectionRunner, rebuildProjections } from '../../apps/projector/src';
// Test support, not part of the production build: this benchmark compiles with its own tsconfig.json.
import { seededRandom, simulateApplication, WorkflowRecorder } from '../../libs/read-model/test';

const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1_000);
const APPLICATIONS_PER_APPEND = 50;
const SEED = 2025;

const log = (message: string): void => void process.stderr.write(`${message}\n`);

/** Writes lifecycles until the log holds at least `target` events; the budget is raised now and then, as officers do. */
async function generate(
  store: PostgresEventStore,
  target: number,
): Promise<{ events: number; applications: number }> {
  const recorder = new WorkflowRecorder(store);
  const random = seededRandom(SEED);
  let budget = 5_000_000_000;
  recorder.setBudget(2025, budget, '2025-04-01T09:00:00+09:00');
  let events = 0;
  let applications = 0;
  while (events + recorder.pendingEvents < target) {
    simulateApplication(recorder, random, SEED, applications);
    applications += 1;
    if (applications % 1_000 === 0) {
      budget += 5_000_000_000;
      recorder.setBudget(2025, budget, '2025-10-01T09:00:00+09:00');
    }
    if (applications % APPLICATIONS_PER_APPEND === 0) {
      events += recorder.pendingEvents;
      await recorder.flush();
    }
  }
  events += recorder.pendingEvents;
  await recorder.flush();
  return { events, applications };
}

/** Row count and md5 of a table's rows in primary-key order: equal checksums, equal contents. */
async function tableChecksum(manager: EntityManager, table: string): Promise<{ rows: number; md5: string }> {
  const keys: Array<{ column: string }> = await manager.query(
    `SELECT a.attname AS column FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
    [table],
  );
  const order = keys.map((key) => `t.${key.column}`).join(', ');
  const [row] = await manager.query(
    `SELECT count(*)::int AS rows, coalesce(md5(string_agg(t::text, '|' ORDER BY ${order})), '') AS md5 FROM ${table} t`,
  );
  return row;
}

async function checksums(manager: EntityManager): Promise<Record<string, { rows: number; md5: string }>> {
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const table of readModelProjections.flatMap((projection) => projection.tables))
    result[table] = await tableChecksum(manager, table);
  return result;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'l10k-bench-projector-'));
  const server = await startEmbeddedDatabase({ dataDir, port: await freePort(), persistent: false });
  try {
    const url = await createDatabase(server.url, 'bench_projector');
    await migrate(url);
    const store = await PostgresEventStore.connect({ connectionString: url });
    const dataSource = new DataSource({
      type: 'postgres',
      url,
      entities: readModelEntities,
      extra: { max: 20 },
    });
    await dataSource.initialize();
    const checkpoints = new PostgresCheckpointStore(dataSource);
    try {
      let started = Date.now();
      const generated = await generate(store, TARGET_EVENTS);
      const generateSeconds = (Date.now() - started) / 1000;
      log(
        `generated ${generated.events} events (${generated.applications} applications) in ${generateSeconds.toFixed(1)} s`,
      );

      started = Date.now();
      await new ProjectionRunner({
        store,
        checkpoints,
        projections: readModelProjections,
        batchSize: BATCH,
      }).catchUp();
      const liveSeconds = (Date.now() - started) / 1000;
      log(
        `live runner: ${readModelProjections.length} projections to the end of the log in ${liveSeconds.toFixed(1)} s`,
      );
      const live = await checksums(dataSource.manager);

      const report = await rebuildProjections({
        store,
        checkpoints,
        projections: readModelProjections,
        batchSize: BATCH,
        progress: progressBars(),
      });
      const rebuilt = await checksums(dataSource.manager);
      const differing = Object.keys(live).filter(
        (table) => live[table].md5 !== rebuilt[table].md5 || live[table].rows !== rebuilt[table].rows,
      );

      const rebuildRate = Math.round(report.totalEvents / report.seconds);
      const liveRate = Math.round(generated.events / liveSeconds);
      log('');
      for (const [table, { rows, md5 }] of Object.entries(rebuilt))
        log(
          `  ${table.padEnd(24)} ${String(rows).padStart(7)} rows  ${md5}  ${live[table].md5 === md5 ? 'same as live' : 'DIFFERS'}`,
        );
      log(
        `live run: ${liveRate} events/s (every projection); rebuild: ${report.totalEvents} events in ${report.seconds.toFixed(1)} s = ${rebuildRate} events/s through all ${readModelProjections.length} projections (${rebuildRate * readModelProjections.length} projected events/s)`,
      );
      log(
        differing.length === 0
          ? 'every rebuilt table equals the live run'
          : `DIFFERENT: ${differing.join(', ')}`,
      );
      console.log(
        JSON.stringify({
          benchmark: 'projector-rebuild',
          events: generated.events,
          applications: generated.applications,
          projections: readModelProjections.length,
          batchSize: BATCH,
          liveSeconds: Number(liveSeconds.toFixed(2)),
          liveEventsPerSecond: liveRate,
          rebuildSeconds: Number(report.seconds.toFixed(2)),
          rebuildEventsPerSecond: rebuildRate,
          tables: Object.fromEntries(Object.entries(rebuilt).map(([table, { rows }]) => [table, rows])),
          identical: differing.length === 0,
        }),
      );
      if (differing.length > 0) process.exitCode = 1;
    } finally {
      await store.close();
      await dataSource.destroy();
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
