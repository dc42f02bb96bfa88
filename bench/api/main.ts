/**
 * `npm run bench:api` (issue 13): a deadline day on this machine. Seeds 50 municipalities and
 * 10,000 applications (half open) on a throwaway embedded PostgreSQL, starts the system as
 * `npm start` does (the launcher: API workers and the projector), then drives it with
 * autocannon, each run for a fixed time. Prints a table and one JSON line: every endpoint's
 * throughput as a ratio to the floor (GET /health/live, measured before and after each read:
 * the faster of those two, and the fastest of the run), p99 at a fixed rate,
 * create+submit pairs/s (also with the submission keyed as the web sends it), projection lag
 * under a steady write load, the state-as-of p99 (beside the floor's p99 at the same quiet rate),
 * the by-id p99 at the fixed rate while an auditor verifies every hash chain (verifying-all.ts),
 * and the CPU time per request of each floor and read: the API workers', PostgreSQL's and the
 * load generator's (cpu-per-request.ts), which move far less with this machine's phase than rates.
 * Never part of `npm test`.
 *
 * BENCH_HOLD=1 keeps the seeded system up for profiling instead of running the loads;
 * BENCH_PROFILE_DIR=<dir> has the launcher, each API worker and the projector write a CPU
 * profile there (`node --cpu-prof`) when the system stops. BENCH_NODE_ARGS: node flags, space-separated,
 * for the launcher and every process it starts (e.g. V8's heap sizes, to measure them).
 * BENCH_SECONDS (10) per run, BENCH_APPLICATIONS (10,000), BENCH_RATE (300 req/s) for the
 * fixed-rate reads (an open-loop steady rate, see paced.ts, each on a thread of its own), BENCH_AUDIT_RATE (20 req/s) for the
 * state as of an instant on an otherwise quiet API, over BENCH_AUDIT_SECONDS (30: at 20 req/s a
 * 10 s run's p99 is its second-worst of 200 requests), BENCH_WRITE_RATE (50 pairs/s) for the lag, API_WORKERS for the launcher.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { submissionTarget } from '@l10k/domain';
import { createDatabase, freePort, migrate } from '@l10k/database';
import { startEmbeddedDatabase } from '@l10k/database/embedded-database';
import {
  AS_A_BROWSER_ACCEPTS,
  CALCULATION_BODY,
  createThenSubmit,
  get,
  percentile,
  run,
  type Measured,
  type Requests,
  type Target,
} from './load';
import { RunCpu, type CpuPerRequest } from './cpu-per-request';
import { paced, type PacedRequest, type Send } from './paced';
import { pacedOnItsOwnThread } from './paced-thread';
import { benchPlan, seed } from './seed';
import { startSystem } from './system';
import { settleDatabase } from '../settled-database';
import { median } from '../median';
import { verifyingOneAfterAnother } from './verifying-all';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 300);
const WRITE_RATE = Number(process.env.BENCH_WRITE_RATE ?? 50);
const AUDIT_RATE = Number(process.env.BENCH_AUDIT_RATE ?? 20);
const AUDIT_SECONDS = Number(process.env.BENCH_AUDIT_SECONDS ?? 30);
/** Writing before the measured create+submit runs, its first BENCH_SECONDS measured as the first run after start. */
const WRITE_WARM_UP_SECONDS = Number(process.env.BENCH_WRITE_WARM_UP_SECONDS ?? 30);
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
const SECRET = 'bench-secret-for-dev-tokens-0123456789abcdef';

const log = (message: string): void => void process.stderr.write(`[bench:api] ${message}\n`);
const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

async function token(url: string, body: object): Promise<string> {
  const response = await fetch(`${url}/v1/auth/dev-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`dev token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** Waits until the projector has folded every seeded event (its checkpoints stop moving at the log's end). */
async function waitForProjections(client: Client, applications: number): Promise<number> {
  const started = performance.now();
  let previous = '';
  let stableSince = 0;
  for (;;) {
    const { rows } = await client.query<{ summaries: number; checkpoints: string }>(
      `SELECT (SELECT count(*)::int FROM application_summaries) AS summaries,
              (SELECT string_agg(coalesce(checkpoint, '-'), ',' ORDER BY name) FROM projection_checkpoints) AS checkpoints`,
    );
    const [{ summaries, checkpoints }] = rows;
    if (summaries >= applications && checkpoints === previous) {
      if (performance.now() - stableSince > 2_000) return (stableSince - started) / 1000;
    } else {
      previous = checkpoints;
      stableSince = performance.now();
    }
    if (performance.now() - started > 15 * 60_000)
      throw new Error('the projector did not catch up in 15 minutes');
    await sleep(250);
  }
}

/** Time from each submit's answer until the summaries projection shows it (polled every 5 ms). */
class LagProbe {
  private readonly pending = new Map<string, { revision: number; answeredAt: number }>();
  readonly lags: number[] = [];
  private running = true;
  private loop: Promise<void> | undefined;

  constructor(private readonly client: Client) {}

  submitted = (applicationId: string, revision: number): void => {
    this.pending.set(applicationId, { revision, answeredAt: performance.now() });
  };

  start(): void {
    this.loop = (async () => {
      while (this.running || this.pending.size > 0) {
        if (this.pending.size > 0) {
          const { rows } = await this.client.query<{ id: string; revision: string }>(
            'SELECT id, stream_revision::text AS revision FROM application_summaries WHERE id = ANY($1::uuid[])',
            [[...this.pending.keys()]],
          );
          const now = performance.now();
          for (const row of rows) {
            const waiting = this.pending.get(row.id);
            if (waiting && Number(row.revision) >= waiting.revision) {
              this.lags.push(now - waiting.answeredAt);
              this.pending.delete(row.id);
            }
          }
        }
        await sleep(5);
      }
    })();
  }

  async stop(): Promise<void> {
    const deadline = performance.now() + 30_000;
    while (this.pending.size > 0 && performance.now() < deadline) await sleep(20);
    this.running = false;
    this.pending.clear();
    await this.loop;
  }
}

/**
 * BENCH_HOLD=1: the seeded system stays up for a profiler or a hand-run load (or for one's
 * own API process started with `node --cpu-prof` on the same database) until Ctrl-C; its address,
 * database URL, a programme officer's token and some application ids go to stdout as one JSON line.
 */
async function holdForProfiling(held: {
  url: string;
  databaseUrl: string;
  officerToken: string;
  applicationIds: readonly string[];
}): Promise<void> {
  process.stdout.write(`${JSON.stringify(held)}\n`);
  log('holding the system up until SIGINT or SIGTERM');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function printTable(rows: readonly Measured[], cpuByRun: ReadonlyMap<string, CpuPerRequest>): void {
  const line = (cells: readonly string[]) =>
    cells.map((cell, index) => (index === 0 ? cell.padEnd(34) : cell.padStart(10))).join(' ');
  const out = [
    line(['run', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'non-2xx', 'errors', 'API µs/req', 'PG µs/req']),
  ];
  for (const row of rows) {
    const cpu = cpuByRun.get(row.name);
    out.push(
      line([
        row.name,
        row.perSecond.toFixed(1),
        String(row.p50),
        String(row.p90),
        String(row.p99),
        String(row.non2xx),
        String(row.errors),
        cpu ? String(cpu.api ?? '-') : '',
        cpu ? String(cpu.postgres ?? '-') : '',
      ]),
    );
  }
  process.stderr.write(`${out.join('\n')}\n`);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'l10k-bench-api-'));
  const server = await startEmbeddedDatabase({ dataDir, port: await freePort(), persistent: false });
  try {
    const databaseUrl = await createDatabase(server.url, 'bench_api');
    await migrate(databaseUrl);
    const { fiscalYear } = submissionTarget(new Date().toISOString());
    const open = Math.floor(APPLICATIONS / 2);
    let started = performance.now();
    const seeded = await seed(databaseUrl, {
      fiscalYear,
      applications: APPLICATIONS,
      adopted: Math.floor(APPLICATIONS * 0.15),
      submitted: open - Math.floor(open * 0.4),
      underReview: Math.floor(open * 0.4),
    });
    const seededAt = new Date().toISOString();
    log(
      `seeded ${seeded.applicationIds.length} applications (${seeded.openIds.length} open), ${seeded.events} events in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const port = await freePort();
    const system = await startSystem(
      {
        DATABASE_URL: databaseUrl,
        AUTH_MODE: 'dev',
        DEV_TOKEN_SECRET: SECRET,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
      port,
      [
        ...(PROFILE_DIR
          ? [
              '--cpu-prof',
              `--cpu-prof-dir=${PROFILE_DIR}`,
              '--require',
              join(__dirname, 'exit-when-stopped.js'),
            ]
          : []),
        ...NODE_ARGS,
      ],
    );
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      started = performance.now();
      const catchUp = await waitForProjections(client, APPLICATIONS);
      log(`projector caught up with the seed in ${catchUp.toFixed(1)} s`);
      // The seed left every projected row rewritten several times: vacuumed and checkpointed now,
      // autovacuum and the checkpointer do not land in the middle of a measured run.
      await settleDatabase(client);

      const url = system.url;
      const officer = await token(url, { sub: 'officer-bench', name: 'bench', roles: ['program_officer'] });
      const towns = await Promise.all(
        seeded.municipalities.map((code) =>
          token(url, { sub: `officer-${code}`, name: code, roles: ['municipality'], municipalityCode: code }),
        ),
      );
      const anyTown = () => towns[Math.floor(Math.random() * towns.length)];
      const anyId = () => seeded.applicationIds[Math.floor(Math.random() * seeded.applicationIds.length)];
      const anyOpen = () => seeded.openIds[Math.floor(Math.random() * seeded.openIds.length)];
      const planBody = JSON.stringify({
        plan: {
          ...benchPlan(fiscalYear),
          municipality: { disadvantagedArea: true, fiscalStrengthIndex: 0.21 },
        },
      });
      const calculation = CALCULATION_BODY;
      // The store records events at append time: an instant after the seed sees every seeded event.
      const asOf = encodeURIComponent(seededAt);
      const target: Target = { url, seconds: SECONDS };
      const anyApplication = () => `/v1/applications/${anyId()}`;
      const byId = get(officer, anyApplication);
      const list = get(officer, () => '/v1/applications?limit=50');
      // The same page from a client that does not accept gzip (curl without --compressed, a script).
      const listUncompressed = get(officer, () => '/v1/applications?limit=50', { uncompressed: true });
      const ownList = () => get(anyTown(), () => '/v1/applications?limit=50');
      // After adoption: the award ledger and what is overdue on it, as programme officers page them.
      const ledger = get(officer, () => '/v1/awards?limit=50');
      const overdue = get(officer, () => '/v1/awards/overdue?limit=50');
      // The auditors' monthly statistics: every submission of the year summed by round.
      const statistics = get(officer, () => `/v1/statistics/monthly?fiscalYear=${fiscalYear}`);
      // The year's budget, on the programme officers' round dashboard beside the queue and the statistics.
      const budget = get(officer, () => `/v1/fiscal-years/${fiscalYear}/budget`);
      const queue = get(officer, () => '/v1/review-queue?limit=50');
      const stateAsOf = get(officer, () => `/v1/applications/${anyOpen()}/state?asOf=${asOf}`);
      const calculator = [
        {
          method: 'POST' as const,
          path: '/v1/funding/calculations',
          headers: { 'content-type': 'application/json' },
          body: calculation,
        },
      ];

      // Warm every route (JIT, connection pools, PostgreSQL's caches) before anything counts.
      await run({ url, seconds: 3 }, 'warm-up', [...byId, ...list, ...queue, ...stateAsOf, ...calculator]);
      if (process.env.BENCH_HOLD) {
        await holdForProfiling({
          url,
          databaseUrl,
          officerToken: officer,
          applicationIds: seeded.applicationIds.slice(0, 100),
        });
        return;
      }

      const rows: Measured[] = [];
      const measure = async (promise: Promise<Measured>): Promise<Measured> => {
        const measured = await promise;
        rows.push(measured);
        log(`${measured.name}: ${measured.perSecond.toFixed(1)}/s, p99 ${measured.p99} ms`);
        return measured;
      };
      const health = get(officer, () => '/health/live');
      // CPU per request of the floors and reads below, by run name (cpu-per-request.ts).
      const cpuByRun = new Map<string, CpuPerRequest>();
      const clusterDir = join(dataDir, 'pg');
      const counted = async (name: string, requests: Requests): Promise<Measured> => {
        const cpu = new RunCpu(system.launcher.pid!, clusterDir);
        const measured = await measure(run(target, name, requests));
        cpuByRun.set(name, cpu.perRequest(measured.completed));
        return measured;
      };
      const cpuOf = (measured: Measured): CpuPerRequest | null => cpuByRun.get(measured.name) ?? null;
      // The floor before and after each read: this machine drifts between a fast and a slow phase
      // (floors of 7.7k to 12.8k req/s in one day, 11.0k then 12.8k a minute apart), so each read
      // is set against the faster of the floors measured right before and right after it: a drift
      // can still only lower its ratio, and a phase a minute away no longer decides it. The
      // ratios to the fastest floor of the whole run are reported too.
      const floors = [await counted('floor GET /health/live', health)];
      const beside = async (name: string, requests: Requests): Promise<Measured> => {
        const measured = await counted(name, requests);
        floors.push(await counted(`floor GET /health/live (after ${name})`, health));
        return measured;
      };
      const maxById = await beside('GET /v1/applications/{id}', byId);
      // The same run again: each API worker now keeps the views it wrote for the applications it
      // was asked in the first (read/application/application-summary.handler.ts), as an API that
      // has served since morning does. The first run starts with none kept and ends with most.
      const maxByIdAgain = await beside('GET /v1/applications/{id} (again, views kept)', byId);
      const maxList = await beside('GET /v1/applications?limit=50', list);
      const maxQueue = await beside('GET /v1/review-queue?limit=50', queue);
      const maxCalculator = await beside('POST /v1/funding/calculations', calculator);
      const maxListUncompressed = await beside(
        'GET /v1/applications?limit=50 (uncompressed)',
        listUncompressed,
      );
      const maxLedger = await beside('GET /v1/awards?limit=50', ledger);
      const maxOverdue = await beside('GET /v1/awards/overdue?limit=50', overdue);
      const maxStatistics = await beside('GET /v1/statistics/monthly', statistics);
      const maxBudget = await beside('GET /v1/fiscal-years/{fy}/budget', budget);
      const floor = floors.reduce((fastest, next) => (next.perSecond > fastest.perSecond ? next : fastest));
      /** The faster of the floors measured right before and right after the `index`-th read. */
      const floorBeside = (index: number): Measured =>
        floors[index].perSecond > floors[index + 1].perSecond ? floors[index] : floors[index + 1];
      // Each fixed-rate and write run measures its own load, not what the last write run left
      // behind: the projector still folding its events, or autovacuum of the rows it rewrote
      // (seen: an autovacuum of the summaries during the list run took its p99 from ~40 ms to 7.5 s).
      const settle = async (before: string) => {
        const folded = await waitForProjections(client, APPLICATIONS);
        const vacuumed = await settleDatabase(client);
        log(
          `settled before ${before}: folded in ${folded.toFixed(1)} s, vacuumed in ${vacuumed.toFixed(1)} s`,
        );
      };
      // The writes' own warm-up, as on a deadline day when the API has been writing since morning:
      // the event store's connections are opened and its statements prepared (about 40 ms of
      // PostgreSQL CPU per new connection), and V8 optimises the write path. That takes a while:
      // freshly started workers gave 109-164 pairs/s in their first 10 s of writes, then climbed
      // over 20-30 s to 200-370 (workers killed and restarted fell back to 109 and climbed again;
      // with V8's tier-up made sooner, --interrupt-budget=8192, the climb took one run). The first
      // BENCH_SECONDS of it are measured and reported as what a restarted worker gives.
      const plainPairs = createThenSubmit(anyTown, planBody);
      const keyedPairs = createThenSubmit(anyTown, planBody, { asTheWebSends: true });
      await settle('the first create+submit run');
      const firstWrites = await measure(
        run(target, 'create+submit, first run after start (pairs)', plainPairs, {
          perUnit: 2,
        }),
      );
      // The rest of the warm-up alternates plain and keyed pairs: each kind has code of its own
      // to optimise (a keyed submission looks its key up and keeps its answer).
      if (WRITE_WARM_UP_SECONDS > SECONDS)
        await run(
          { url, seconds: WRITE_WARM_UP_SECONDS - SECONDS },
          'warm-up writes',
          [...plainPairs, ...keyedPairs],
          { perUnit: 2 },
        );
      await settle('the create+submit run');
      const pairs = await measure(run(target, 'create+submit (pairs)', plainPairs, { perUnit: 2 }));
      await settle('the keyed create+submit run');
      const pairsAsTheWebSends = await measure(
        run(target, 'create+submit, keyed as the web sends (pairs)', keyedPairs, { perUnit: 2 }),
      );
      const officerGet = (path: () => string) => (): PacedRequest => ({
        method: 'GET',
        path: path(),
        headers: { authorization: `Bearer ${officer}`, ...AS_A_BROWSER_ACCEPTS },
      });
      const atRate = (name: string, path: () => string, rate = RATE, seconds = SECONDS) =>
        measure(
          pacedOnItsOwnThread({
            url,
            name: `@${rate}/s ${name}`,
            seconds,
            rate,
            requests: Array.from({ length: Math.round(rate * (seconds + 1)) }, officerGet(path)),
          }),
        );
      await settle('the fixed-rate reads');
      const atRateById = await atRate('GET by id', anyApplication);
      // The same reads while an auditor checks every hash chain, one check after another: the
      // check runs on one API worker, and that worker's readers wait for it between its slices.
      const auditor = await token(url, { sub: 'auditor-bench', name: 'bench', roles: ['auditor'] });
      const verifying = verifyingOneAfterAnother(url, auditor);
      const atRateByIdWhileVerifying = await atRate(
        'GET by id while an auditor verifies every chain',
        anyApplication,
      );
      const verifications = await verifying.stop();
      const verifySecondsMedian = median(verifications.seconds);
      log(
        `${verifications.seconds.length} whole-store verifications of ${verifications.eventsChecked} events, median ${verifySecondsMedian.toFixed(2)} s`,
      );
      const atRateList = await atRate('list page', () => '/v1/applications?limit=50');
      const atRateQueue = await atRate('review-queue page', () => '/v1/review-queue?limit=50');
      const stateAsOfPath = () => `/v1/applications/${anyOpen()}/state?asOf=${asOf}`;
      const atRateState = await atRate('state as of', stateAsOfPath);
      // An auditor's question answered while the API is otherwise quiet, as well as at the read rate above.
      const auditorState = await atRate('state as of', stateAsOfPath, AUDIT_RATE, AUDIT_SECONDS);
      // Its reference at the same quiet rate: on a quiet machine each request waits for sleeping
      // processes to be woken, and this is that wait with no work and no database behind it.
      const auditorFloor = await atRate('GET /health/live', () => '/health/live', AUDIT_RATE, AUDIT_SECONDS);

      await settle('the lag run');
      const probe = new LagProbe(client);
      probe.start();
      const json = (token: string) => ({
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      });
      const createThenSubmitPaced = async (send: Send): Promise<boolean> => {
        const town = anyTown();
        const created = await send({
          method: 'POST',
          path: '/v1/applications',
          headers: json(town),
          body: planBody,
        });
        if (created.status !== 201) return false;
        const { id } = JSON.parse(created.body) as { id: string };
        const submitted = await send({
          method: 'POST',
          path: `/v1/applications/${id}/submit`,
          headers: json(town),
          body: '{}',
        });
        if (submitted.status !== 200) return false;
        probe.submitted(id, (JSON.parse(submitted.body) as { revision: number }).revision);
        return true;
      };
      await measure(
        paced(url, `create+submit @${WRITE_RATE} pairs/s`, SECONDS, WRITE_RATE, createThenSubmitPaced),
      );
      await probe.stop();
      const lags = [...probe.lags].sort((a, b) => a - b);
      await settle('the mixed load');

      const mixed = await Promise.all([
        measure(
          run(target, 'mixed: create+submit', plainPairs, {
            connections: 8,
            perUnit: 2,
          }),
        ),
        measure(run(target, 'mixed: review-queue page', queue, { connections: 4 })),
        measure(run(target, 'mixed: own list page', ownList(), { connections: 4 })),
        measure(run(target, 'mixed: GET by id', byId, { connections: 4 })),
        measure(run(target, 'mixed: calculator', calculator, { connections: 2 })),
      ]);

      process.stderr.write('\n');
      printTable(rows, cpuByRun);
      const ratio = (measured: Measured, to: Measured) => round(measured.perSecond / to.perSecond);
      process.stdout.write(
        `${JSON.stringify({
          benchmark: 'api',
          applications: APPLICATIONS,
          open: seeded.openIds.length,
          seededEvents: seeded.events,
          workers: process.env.API_WORKERS ?? 'default',
          secondsPerRun: SECONDS,
          auditSeconds: AUDIT_SECONDS,
          loadAverage: loadavg().map((value) => round(value)),
          floorPerSecond: round(floor.perSecond, 1),
          floorsPerSecond: floors.map((measured) => round(measured.perSecond, 1)),
          // Each read against the faster of the floors right before and right after it.
          ratioToFloor: {
            applicationById: ratio(maxById, floorBeside(0)),
            applicationByIdAgain: ratio(maxByIdAgain, floorBeside(1)),
            listPage: ratio(maxList, floorBeside(2)),
            reviewQueuePage: ratio(maxQueue, floorBeside(3)),
            calculator: ratio(maxCalculator, floorBeside(4)),
            listPageUncompressed: ratio(maxListUncompressed, floorBeside(5)),
            awardLedgerPage: ratio(maxLedger, floorBeside(6)),
            overduePage: ratio(maxOverdue, floorBeside(7)),
            monthlyStatistics: ratio(maxStatistics, floorBeside(8)),
            fiscalYearBudget: ratio(maxBudget, floorBeside(9)),
          },
          ratioToFastestFloor: {
            applicationById: ratio(maxById, floor),
            applicationByIdAgain: ratio(maxByIdAgain, floor),
            listPage: ratio(maxList, floor),
            reviewQueuePage: ratio(maxQueue, floor),
            calculator: ratio(maxCalculator, floor),
            listPageUncompressed: ratio(maxListUncompressed, floor),
            awardLedgerPage: ratio(maxLedger, floor),
            overduePage: ratio(maxOverdue, floor),
            monthlyStatistics: ratio(maxStatistics, floor),
            fiscalYearBudget: ratio(maxBudget, floor),
          },
          // Of the API workers, PostgreSQL and the load generator, per request of each run.
          cpuMicrosecondsPerRequest: {
            floors: floors.map(cpuOf),
            applicationById: cpuOf(maxById),
            applicationByIdAgain: cpuOf(maxByIdAgain),
            listPage: cpuOf(maxList),
            reviewQueuePage: cpuOf(maxQueue),
            calculator: cpuOf(maxCalculator),
            listPageUncompressed: cpuOf(maxListUncompressed),
            awardLedgerPage: cpuOf(maxLedger),
            overduePage: cpuOf(maxOverdue),
            monthlyStatistics: cpuOf(maxStatistics),
            fiscalYearBudget: cpuOf(maxBudget),
          },
          p99MsAtFixedRate: {
            rate: RATE,
            applicationById: atRateById.p99,
            listPage: atRateList.p99,
            reviewQueuePage: atRateQueue.p99,
            stateAsOf: atRateState.p99,
          },
          p99MsWhileVerifying: {
            rate: RATE,
            applicationById: atRateByIdWhileVerifying.p99,
            applicationByIdQuiet: atRateById.p99,
            verifications: verifications.seconds.length,
            eventsChecked: verifications.eventsChecked,
            verifySecondsMedian: round(verifySecondsMedian),
          },
          createSubmitPairsPerSecond: round(pairs.perSecond, 1),
          createSubmitPairsPerSecondAsTheWebSends: round(pairsAsTheWebSends.perSecond, 1),
          createSubmitPairsPerSecondFirstRunAfterStart: round(firstWrites.perSecond, 1),
          writeWarmUpSeconds: WRITE_WARM_UP_SECONDS,
          projectionLagMs: {
            pairsPerSecond: WRITE_RATE,
            samples: lags.length,
            p50: round(percentile(lags, 50), 1),
            p99: round(percentile(lags, 99), 1),
          },
          stateAsOfP99Ms: {
            [`at${AUDIT_RATE}PerSecond`]: auditorState.p99,
            [`at${RATE}PerSecond`]: atRateState.p99,
            [`floorAt${AUDIT_RATE}PerSecond`]: auditorFloor.p99,
          },
          mixed: Object.fromEntries(
            mixed.map((m) => [
              m.name.replace('mixed: ', ''),
              { perSecond: round(m.perSecond, 1), p99: m.p99 },
            ]),
          ),
          non2xx: rows.reduce((sum, row) => sum + row.non2xx, 0),
        })}\n`,
      );
    } finally {
      await client.end();
      await system.stop();
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
