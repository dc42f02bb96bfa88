/** autocannon runs of a fixed duration, and what the bench reports of each. */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

export interface Measured {
  readonly name: string;
  /** Requests (or create+submit pairs) per second, averaged over the run. */
  readonly perSecond: number;
  /** Requests answered in the measured time (a paced run: operations, each one or more requests). */
  readonly completed: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

export interface Target {
  readonly url: string;
  readonly seconds: number;
}

export type Requests = NonNullable<autocannon.Options['requests']>;

export interface RunOptions {
  readonly connections?: number;
  /** Requests per second over all connections; unset: as fast as the server answers. */
  readonly overallRate?: number;
  /** How many requests make one unit of `perSecond` (2 for a create+submit pair). */
  readonly perUnit?: number;
}

export async function run(
  target: Target,
  name: string,
  requests: Requests,
  options: RunOptions = {},
): Promise<Measured> {
  const result = await autocannon({
    url: target.url,
    duration: target.seconds,
    connections: options.connections ?? 16,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests,
  });
  return {
    name,
    perSecond: result.requests.total / result.duration / (options.perUnit ?? 1),
    completed: result.requests.total,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** What Chromium sends with every request: the API gzips a long kept answer for it (gzipped-kept-answers.ts). */
export const AS_A_BROWSER_ACCEPTS = { 'accept-encoding': 'gzip, deflate, br, zstd' } as const;

/** A GET as `token`, its path chosen per request, accepting what a browser accepts unless `uncompressed`. */
export const get = (
  token: string,
  path: () => string,
  options: { uncompressed?: boolean } = {},
): Requests => [
  {
    method: 'GET',
    headers: { authorization: `Bearer ${token}`, ...(options.uncompressed ? {} : AS_A_BROWSER_ACCEPTS) },
    setupRequest: (request) => ({ ...request, path: path() }),
  },
];

/**
 * Create a draft, then submit it, as one municipality's officer per connection's turn.
 * `asTheWebSends`: the submission carries If-Match and an Idempotency-Key, as the web client
 * sends every write made against a revision (apps/web/src/api/write-keys.ts); the API then
 * looks the key up, reads the whole stream for a repeat of the same request, and keeps the answer.
 */
export function createThenSubmit(
  tokenFor: () => string,
  planBody: string,
  { asTheWebSends = false }: { readonly asTheWebSends?: boolean } = {},
): Requests {
  interface Pair {
    token?: string;
    applicationId?: string;
  }
  return [
    {
      method: 'POST',
      path: '/v1/applications',
      body: planBody,
      setupRequest: (request, context) => {
        const pair = context as Pair;
        pair.token = tokenFor();
        pair.applicationId = undefined;
        return {
          ...request,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${pair.token}` },
        };
      },
      onResponse: (status, body, context) => {
        if (status === 201) (context as Pair).applicationId = (JSON.parse(body) as { id: string }).id;
      },
    },
    {
      method: 'POST',
      body: '{}',
      setupRequest: (request, context) => {
        const pair = context as Pair;
        if (!pair.applicationId) return undefined as unknown as typeof request;
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          authorization: `Bearer ${pair.token}`,
        };
        if (asTheWebSends) {
          headers['if-match'] = '"0"';
          headers['idempotency-key'] = randomUUID();
        }
        return { ...request, path: `/v1/applications/${pair.applicationId}/submit`, headers };
      },
    },
  ];
}

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** The public calculator's question the benchmarks ask: a 60M facility, 20M grant, 30M shinkin loan. */
export const CALCULATION_BODY = JSON.stringify({
  fiscalYear: 2025,
  municipality: { disadvantagedArea: true, fiscalStrengthIndex: 0.21 },
  costs: [{ category: 'facility', amount: 60_000_000 }],
  funding: {
    grant: 20_000_000,
    loan: { amount: 30_000_000, lenderType: 'shinkin_bank' },
    ownFunds: 10_000_000,
  },
  priorityCategories: [],
});
