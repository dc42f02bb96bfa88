/**
 * Projector benchmark (issues 5 and 13): on a throwaway embedded PostgreSQL, seeds a
 * realistic event log (seed-log.ts, in a child process), reads the whole log as the floor,
 * runs the live runner to the end of the log, then rebuilds every projection with the
 * progress bars, compares each table with the live run's, reads the whole log again, and
 * prints one JSON line. The floor is the faster of the two reads: a slow read must not make
 * the rebuild's share look larger. Each measured phase starts on a settled database (settle):
 * the seeded log vacuumed, analysed and checkpointed before the first read, the live run's
 * tables before the rebuild. Last, every hash chain is verified (an auditor's whole-store
 * check), reported beside the same read-all.
 *   BENCH_EVENTS   events to generate (default 100000)
 *   BENCH_BATCH    events per projector transaction (default 2000)
 *   BENCH_SETTLE=0   skips the VACUUM (ANALYZE) and CHECKPOINT before the floor and before the rebuild (see settle)
 *   BENCH_PROFILE=<file>   writes the projector's CPU profile of the rebuild there
 *   BENCH_SERVER_MALLOC=default   leaves the server's allocator as glibc sets it (see SERVER_ALLOCATOR)
 * Goal (issue 13): at 1,000,000 events, rebuild ≥ 20,000 events/s and ≥ 1/4 of the read-all
 * rate of the same run, with the process's peak RSS under 300 MB. The npm script caps the
 * old generation (--max-old-space-size), as a deployment of the projector would: V8 then
 * collects before it grows the heap instead of after. It also doubles the young generation's
 * semi-spaces (--max-semi-space-size=32, as `npm run projector` does; Node 20 grows them
 * from 1 MB up to 16 MB): the batches in flight (a few MB of events and rows each, held
 * across round trips) are then more often dead by the next scavenge instead of copied and
 * promoted. 1M-event rebuilds alternating without and with it: projector CPU 48.8/46.1 ->
 * 44.2/42.4 s, peak RSS ~200 -> ~230 MB.
 */
import { fork } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { createDatabase, freePort, migrate } from '@l10k/database';
import { startEmbeddedDatabase } from '@l10k/database/embedded-database';
import { PostgresEventStore } from '@l10k/eventstore';
import { PostgresCheckpointStore, readModelEntities, readModelProjections } from '@l10k/read-model';
import { progressBars, ProjectionRunner, rebuildProjections } from '../../apps/projector/src';
import { CpuTime } from './cpu-time';
import { PeakMemory } from './peak-memory';
import type { SeedReport, SeedRequest } from './seed-log';
import { readModelChecksums } from './table-checksums';
import { WalMeter } from './wal-written';
import { settleDatabase } from '../settled-database';

const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 2_000);
const SETTLE = process.env.BENCH_SETTLE !== '0';
const GOAL = { rebuildEventsPerSecond: 20_000, shareOfReadAll: 0.25, peakRssMb: 300 };

/**
 * The embedded server's glibc allocator told to keep freed memory (the server inherits this
 * process's environment): by default a backend hands the heap back to the kernel after each
 * statement that used a few MB, as every rebuild batch's writes do, and takes it again page by
 * page at the next. On this 2-core VM a page fault costs ~20 µs: 200k events cost the
 * sessions ~290k faults (~5 s of CPU) with the default, ~90k kept. A setting of the database's
 * deployment, like its postgresql.conf, reported in the JSON line; not of the projector.
 */
const SERVER_ALLOCATOR: Readonly<Record<string, string>> =
  process.env.BENCH_SERVER_MALLOC === 'default'
    ? {}
    : { MALLOC_MMAP_THRESHOLD_: String(32 * 2 ** 20), MALLOC_TRIM_THRESHOLD_: String(64 * 2 ** 20) };

const log = (message: string): void => void process.stderr.write(`${message}\n`);
const seconds = (since: number): number => (Date.now() - since) / 1000;

/** Seeds the log in a child process, so its memory is not this process's. */
function seedInChild(request: SeedRequest): Promise<SeedReport> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'seed-log.js'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let report: SeedReport | undefined;
    child.once('message', (message: SeedReport) => (report = message));
    child.once('error', reject);
    child.once('exit', (code) =>
      report !== undefined && code === 0 ? resolve(report) : reject(new Error(`seeding exited with ${code}`)),
    );
    child.send(request);
  });
}

/** The floor: the whole log read through the port, nothing else done with it. */
async function readAll(store: PostgresEventStore, expected: number): Promise<number> {
  const bar = new SingleBar(
    {
      format: 'read-all |{bar}| {value}/{total} events',
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 5_000,
    },
    Presets.shades_classic,
  );
  bar.start(expected, 0);
  let events = 0;
  for await (const batch of store.readAll({ batchSize: BATCH })) {
    events += batch.length;
    bar.update(events);
  }
  bar.stop();
  return events;
}

/** The live runner from the start of the log to its end, with a bar per projection. */
async function liveRun(
  store: PostgresEventStore,
  checkpoints: PostgresCheckpointStore,
  events: number,
): Promise<void> {
  const progress = progressBars();
  progress.start(
    readModelProjections.map((projection) => projection.name),
    events,
  );
  try {
    await new ProjectionRunner({
      store,
      checkpoints,
      projections: readModelProjections,
      batchSize: BATCH,
      onBatch: (name, batch) => progress.advance(name, batch.length),
    }).catchUp();
  } finally {
    progress.stop();
  }
}

/**
 * Before the read-all floor and before the rebuild (settled-database.ts): after the seeding
 * (1M inserted events) and after the live run (every summary rewritten about nine times).
 * 1M-event runs alternating without and with the vacuum: the server's CPU outside the
 * rebuild's sessions (autovacuum, mostly) 4.6 / 4.2 s -> 1.2 / 1.5 s.
 */
async function settle(dataSource: DataSource): Promise<number> {
  return SETTLE ? settleDatabase(dataSource) : 0;
}

/** With BENCH_PROFILE=<file>, the projector's CPU profile of the rebuild alone (open it in Chrome's DevTools). */
async function startProfile(): Promise<{ stop(): Promise<void> } | undefined> {
  const file = process.env.BENCH_PROFILE;
  if (file === undefined) return undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'l10k-bench-projector-'));
  Object.assign(process.env, SERVER_ALLOCATOR);
  const server = await startEmbeddedDatabase({ dataDir, port: await freePort(), persistent: false });
  try {
    const url = await createDatabase(server.url, 'bench_projector');
    await migrate(url);
    const seeded = await seedInChild({ url, events: TARGET_EVENTS });
    log(
      `seeded ${seeded.events} events (${seeded.applications} applications) in ${seeded.seconds.toFixed(1)} s (${Math.round(seeded.events / seeded.seconds)} events/s)`,
    );

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
      const settleSeconds = [await settle(dataSource)];
      let started = Date.now();
      const readEvents = await readAll(store, seeded.events);
      const readSecondsBefore = seconds(started);
      log(`read the whole log: ${readEvents} events in ${readSecondsBefore.toFixed(1)} s`);

      started = Date.now();
      await liveRun(store, checkpoints, seeded.events);
      const liveSeconds = seconds(started);
      log(
        `live runner: ${readModelProjections.length} projections to the end of the log in ${liveSeconds.toFixed(1)} s`,
      );
      const live = await readModelChecksums(dataSource.manager);
      settleSeconds.push(await settle(dataSource));

      const memory = new PeakMemory();
      const cpu = new CpuTime(join(dataDir, 'pg'));
      // Page faults cost ~20 µs each on this VM: a count that does not move with the neighbours' load.
      const faultsBefore = process.resourceUsage().minorPageFault;
      const wal = await WalMeter.start(dataSource);
      const profiler = await startProfile();
      const report = await rebuildProjections({
        store,
        checkpoints,
        projections: readModelProjections,
        batchSize: BATCH,
        progress: progressBars(),
      });
      const rebuildPeakRssMb = memory.stop();
      const rebuildCpuSeconds = cpu.stop();
      const rebuildProjectorPageFaults = process.resourceUsage().minorPageFault - faultsBefore;
      const rebuildWal = await wal.stop();
      await profiler?.stop();
      const rebuilt = await readModelChecksums(dataSource.manager);
      const differing = Object.keys(live).filter(
        (table) => live[table].md5 !== rebuilt[table].md5 || live[table].rows !== rebuilt[table].rows,
      );
      started = Date.now();
      await readAll(store, seeded.events);
      const readSecondsAfter = seconds(started);
      log(`read the whole log again: ${readSecondsAfter.toFixed(1)} s`);
      const readSeconds = Math.min(readSecondsBefore, readSecondsAfter);
      // maxRSS is in kilobytes: this process's lifetime peak (the seeding ran in its own), read
      // before the verification below, which is not the projector's.
      const peakRssMb = Math.round((process.resourceUsage().maxRSS * 1024) / 1e6);

      // An auditor's 整合性を検証する over the whole store, as POST /v1/audit/verifications runs it.
      started = Date.now();
      const verification = await store.verifyAll();
      const verifySeconds = seconds(started);
      if (!verification.ok || verification.eventsChecked !== readEvents)
        throw new Error(`the verification found ${JSON.stringify(verification)} in an untouched log`);
      log(`verified every hash chain: ${verification.eventsChecked} events in ${verifySeconds.toFixed(1)} s`);

      const readRate = Math.round(readEvents / readSeconds);
      const rebuildRate = Math.round(report.totalEvents / report.seconds);
      const liveRate = Math.round(seeded.events / liveSeconds);
      const verifyRate = Math.round(verification.eventsChecked / verifySeconds);
      const shareOfReadAll = Number((rebuildRate / readRate).toFixed(3));
      log('');
      for (const [table, { rows, md5 }] of Object.entries(rebuilt))
        log(
          `  ${table.padEnd(24)} ${String(rows).padStart(8)} rows  ${md5}  ${live[table].md5 === md5 ? 'same as live' : 'DIFFERS'}`,
        );
      log(
        `read-all ${readRate} events/s; live run ${liveRate} events/s; rebuild ${report.totalEvents} events in ${report.seconds.toFixed(1)} s = ${rebuildRate} events/s through all ${readModelProjections.length} projections (${shareOfReadAll} of read-all); peak RSS ${peakRssMb} MB; CPU ${rebuildCpuSeconds.projector} s projector + ${rebuildCpuSeconds.postgres ?? '?'} s PostgreSQL; every hash chain verified at ${verifyRate} events/s`,
      );
      const goals = {
        rebuildEventsPerSecond: rebuildRate >= GOAL.rebuildEventsPerSecond,
        shareOfReadAll: shareOfReadAll >= GOAL.shareOfReadAll,
        peakRssMb: peakRssMb < GOAL.peakRssMb,
      };
      log(
        differing.length === 0
          ? 'every rebuilt table equals the live run'
          : `DIFFERENT: ${differing.join(', ')}`,
      );
      console.log(
        JSON.stringify({
          benchmark: 'projector-rebuild',
          events: seeded.events,
          applications: seeded.applications,
          projections: readModelProjections.length,
          batchSize: BATCH,
          seedSeconds: Number(seeded.seconds.toFixed(1)),
          seedEventsPerSecond: Math.round(seeded.events / seeded.seconds),
          readAllSeconds: Number(readSeconds.toFixed(2)),
          readAllSecondsBeforeAndAfter: [readSecondsBefore, readSecondsAfter].map((value) =>
            Number(value.toFixed(2)),
          ),
          readAllEventsPerSecond: readRate,
          liveSeconds: Number(liveSeconds.toFixed(2)),
          liveEventsPerSecond: liveRate,
          rebuildSeconds: Number(report.seconds.toFixed(2)),
          rebuildEventsPerSecond: rebuildRate,
          rebuildShareOfReadAll: shareOfReadAll,
          peakRssMb,
          rebuildPeakRssMb,
          rebuildCpuSeconds,
          rebuildProjectorPageFaults,
          rebuildWal,
          settleSeconds: settleSeconds.map((value) => Number(value.toFixed(1))),
          serverAllocator: SERVER_ALLOCATOR,
          verifyAllSeconds: Number(verifySeconds.toFixed(2)),
          verifyAllEventsPerSecond: verifyRate,
          verifyShareOfReadAll: Number((verifyRate / readRate).toFixed(3)),
          rebuildCpuMicrosecondsPerEvent:
            rebuildCpuSeconds.postgres === null
              ? null
              : Math.round(
                  ((rebuildCpuSeconds.projector + rebuildCpuSeconds.postgres) * 1e6) / report.totalEvents,
                ),
          loadAverage: loadavg().map((load) => Number(load.toFixed(2))),
          goals,
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
