/**
 * Open-loop load at a steady rate: one request every 1/rate seconds, whatever the answers do,
 * each request's latency counted from the moment it was due (so a stalled server is charged
 * for the requests it kept waiting: no coordinated omission).
 *
 * Why not autocannon's `overallRate`: it spreads the rate over connections and each connection
 * sends its quota for the second back-to-back as soon as the second starts (lib/httpClient.js
 * resets its count every 1000 ms). At 300 req/s over 32 connections that is a burst of 300
 * requests at the top of every second, and the p99 it reports is the time to drain the burst.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile, type Measured } from './load';

export interface PacedRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** Paced but not counted first: the connections are opened and the server's caches filled at the same rate. */
const WARM_UP_SECONDS = 1;

/** Never more than this many requests in flight: past it the server is down, not slow. */
const MAX_IN_FLIGHT = 512;

/** Sends one request on the agent's kept-alive sockets: its status and body. */
export type Send = (next: PacedRequest) => Promise<{ status: number; body: string }>;

function sender(url: URL, agent: Agent): Send {
  return (next) =>
    new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: url.hostname,
          port: url.port,
          agent,
          method: next.method,
          path: next.path,
          headers: {
            ...next.headers,
            ...(next.body === undefined ? {} : { 'content-length': Buffer.byteLength(next.body) }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(next.body);
    });
}

/** One request as the operation. */
export const single =
  (next: () => PacedRequest) =>
  async (send: Send): Promise<boolean> => {
    const { status } = await send(next());
    return status >= 200 && status < 300;
  };

/**
 * Starts `operation` `rate` times a second for `seconds` (after a second's warm-up at the same
 * rate); an operation may send several requests (a create then its submit) and answers whether
 * all of them succeeded.
 */
export async function paced(
  baseUrl: string,
  name: string,
  seconds: number,
  rate: number,
  operation: (send: Send) => Promise<boolean>,
): Promise<Measured> {
  const agent = new Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT });
  const send = sender(new URL(baseUrl), agent);
  const latencies: number[] = [];
  let failed = 0;
  let errors = 0;
  let inFlight = 0;
  const warmUp = Math.round(WARM_UP_SECONDS * rate);
  const total = warmUp + Math.round(seconds * rate);
  const interval = 1000 / rate;
  const firstDue = performance.now();
  const started = firstDue + warmUp * interval;
  const flights: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    const due = firstDue + index * interval;
    const counted = index >= warmUp;
    const wait = due - performance.now();
    // Behind schedule, still let answers in between sends.
    await (wait >= 1 ? sleep(wait) : new Promise((resolve) => setImmediate(resolve)));
    if (inFlight >= MAX_IN_FLIGHT) {
      if (counted) errors++;
      continue;
    }
    inFlight++;
    flights.push(
      operation(send).then(
        (ok) => {
          inFlight--;
          if (!counted) return;
          latencies.push(performance.now() - due);
          if (!ok) failed++;
        },
        () => {
          inFlight--;
          if (counted) errors++;
        },
      ),
    );
  }
  await Promise.all(flights);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const ms = (value: number) => Math.round(value * 10) / 10;
  return {
    name,
    perSecond: latencies.length / elapsed,
    completed: latencies.length,
    p50: ms(percentile(latencies, 50)),
    p90: ms(percentile(latencies, 90)),
    p99: ms(percentile(latencies, 99)),
    non2xx: failed,
    errors,
  };
}
