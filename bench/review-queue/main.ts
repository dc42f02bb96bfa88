/**
 * The review queue with 5,000 open applications (issue 14): p50/p99 of a page over 200 calls,
 * through HTTP against the real API on a throwaway embedded PostgreSQL. The open applications
 * are written straight into the queue's read table (the query reads only that table), so the
 * figure measures the read path, not the projector. Never part of `npm test`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { loadConfig } from '@l10k/config';
import { createDatabase, freePort, migrate } from '@l10k/database';
import { startEmbeddedDatabase } from '@l10k/database/embedded-database';
import { createApiApp } from '../../apps/api/src';

const OPEN = Number(process.env.BENCH_OPEN ?? 5_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);

const log = (message: string): void => void process.stderr.write(`${message}\n`);
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function seed(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  // Due dates spread over three months; a fifth under review by reviewer-bench.
  await client.query(
    `INSERT INTO review_queue (application_id, round, fiscal_year, decision_due_date, municipality_code,
                               reviewer_ids, reviews_done, reviews_needed, status, stream_revision)
     SELECT gen_random_uuid(), '2025-0' || (6 + n % 3), 2025, DATE '2025-07-22' + (n % 90), '032077',
            CASE WHEN n % 5 = 0 THEN ARRAY['reviewer-bench'] ELSE ARRAY[]::text[] END,
            n % 3, 2, CASE WHEN n % 2 = 0 THEN 'submitted' ELSE 'under_review' END, 1
       FROM generate_series(1, $1) AS n`,
    [OPEN],
  );
  await client.query('ANALYZE review_queue');
  await client.end();
}

async function timeCalls(url: string, token: string): Promise<{ p50: number; p90: number; p99: number }> {
  const call = async (path: string): Promise<number> => {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { items: unknown[]; nextCursor: string | null };
    if (response.status !== 200 || body.items.length === 0)
      throw new Error(`${path} answered ${response.status}`);
    return performance.now() - started;
  };
  for (let warm = 0; warm < 20; warm++) await call('/v1/review-queue');
  const first = (await (
    await fetch(`${url}/v1/review-queue`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as {
    nextCursor: string;
  };
  const durations: number[] = [];
  for (let index = 0; index < CALLS; index++)
    durations.push(
      await call(index % 2 === 0 ? '/v1/review-queue' : `/v1/review-queue?cursor=${first.nextCursor}`),
    );
  const sorted = [...durations].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99) };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'l10k-bench-queue-'));
  const server = await startEmbeddedDatabase({ dataDir, port: await freePort(), persistent: false });
  try {
    const url = await createDatabase(server.url, 'bench_review_queue');
    await migrate(url);
    await seed(url);
    const config = loadConfig({
      DATABASE_URL: url,
      AUTH_MODE: 'dev',
      DATA_DIR: dataDir,
      DEV_TOKEN_SECRET: 'bench-secret-for-dev-tokens-0123456789abcdef',
      LOG_LEVEL: 'warn',
    });
    const app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    const base = await app.getUrl();
    try {
      const issued = await fetch(`${base}/v1/auth/dev-tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub: 'officer-bench', name: 'bench', roles: ['program_officer'] }),
      });
      const { token } = (await issued.json()) as { token: string };
      const officer = await timeCalls(base.replace('[::1]', '127.0.0.1'), token);
      log(
        `review queue, ${OPEN} open, ${CALLS} calls of a 50-row page: p50 ${officer.p50.toFixed(1)} ms, p99 ${officer.p99.toFixed(1)} ms`,
      );
      process.stdout.write(
        `${JSON.stringify({ benchmark: 'review-queue-page', open: OPEN, calls: CALLS, pageSize: 50, p50Ms: Number(officer.p50.toFixed(2)), p90Ms: Number(officer.p90.toFixed(2)), p99Ms: Number(officer.p99.toFixed(2)) })}\n`,
      );
    } finally {
      await app.close();
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
