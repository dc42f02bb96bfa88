import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { CALCULATION_BODY, get, run, type Requests } from './load';
import { median } from '../median';

/**
 * Two builds of the API side by side: each one seeded and held up by `BENCH_HOLD=1 npm run
 * bench:api` (from two checkouts), this measures both on the same routes in alternating short
 * runs (A, B, A, B …), so that whatever else the machine is doing weighs on both alike.
 *
 *   BENCH_A=held-a.json BENCH_B=held-b.json node dist/bench/api/compare.js
 *
 * Prints each route's median req/s and p99 per side and B/A, then one JSON line.
 */
interface Held {
  readonly url: string;
  readonly officerToken: string;
  readonly applicationIds: readonly string[];
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

/** The last JSON line of a held system's output (BENCH_HOLD prints it once seeded). */
function held(variable: string): Held {
  const file = process.env[variable];
  if (!file)
    throw new Error(`${variable}: the file holding a held system's output (BENCH_HOLD=1 npm run bench:api)`);
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .filter((text) => text.startsWith('{"url"'))
    .pop();
  if (!line) throw new Error(`${file}: no held system's JSON line yet`);
  return JSON.parse(line) as Held;
}

function routes(system: Held): Record<string, Requests> {
  const anyId = () => system.applicationIds[Math.floor(Math.random() * system.applicationIds.length)];
  return {
    'floor GET /health/live': get(system.officerToken, () => '/health/live'),
    'GET /v1/applications/{id}': get(system.officerToken, () => `/v1/applications/${anyId()}`),
    'GET /v1/applications?limit=50': get(system.officerToken, () => '/v1/applications?limit=50'),
    'GET /v1/review-queue?limit=50': get(system.officerToken, () => '/v1/review-queue?limit=50'),
    'POST /v1/funding/calculations': [
      {
        method: 'POST',
        path: '/v1/funding/calculations',
        headers: { 'content-type': 'application/json' },
        body: CALCULATION_BODY,
      },
    ],
  };
}

async function main(): Promise<void> {
  const systems = { A: held('BENCH_A'), B: held('BENCH_B') };
  const routesOf = { A: routes(systems.A), B: routes(systems.B) };
  const results: Record<string, { A: number; B: number; ratio: number; p99A: number; p99B: number }> = {};
  for (const name of Object.keys(routesOf.A)) {
    const perSecond = { A: [] as number[], B: [] as number[] };
    const p99 = { A: [] as number[], B: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
        const measured = await run({ url: systems[side].url, seconds: SECONDS }, name, routesOf[side][name]);
        if (measured.non2xx > 0 || measured.errors > 0)
          throw new Error(`${side} ${name}: ${measured.non2xx} non-2xx, ${measured.errors} errors`);
        perSecond[side].push(measured.perSecond);
        p99[side].push(measured.p99);
      }
    }
    const [a, b] = [median(perSecond.A), median(perSecond.B)];
    results[name] = {
      A: Math.round(a),
      B: Math.round(b),
      ratio: Number((b / a).toFixed(2)),
      p99A: median(p99.A),
      p99B: median(p99.B),
    };
    console.log(
      `${name.padEnd(32)} A ${a.toFixed(0).padStart(6)}/s  B ${b.toFixed(0).padStart(6)}/s  B/A ${(b / a).toFixed(2)}  p99 ${median(p99.A)} / ${median(p99.B)} ms`,
    );
  }
  console.log(
    JSON.stringify({
      benchmark: 'api-compare',
      rounds: ROUNDS,
      secondsPerRun: SECONDS,
      loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
      results,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
