import { performance } from 'node:perf_hooks';

export interface Measurement {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** Per call (one append, one insert, or one read batch), in milliseconds. */
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Times `calls` across `workers` concurrent loops; each call reports how many events it handled. */
export async function measure(
  workers: number,
  calls: number,
  call: (worker: number, index: number) => Promise<number>,
): Promise<Measurement> {
  const latencies: number[] = [];
  let events = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let index = next++; index < calls; index = next++) {
        const begin = performance.now();
        const handled = await call(worker, index);
        latencies.push(performance.now() - begin);
        events += handled;
      }
    }),
  );
  return summarise(events, (performance.now() - started) / 1000, latencies);
}

export function describe(label: string, m: Measurement): string {
  return `${label.padEnd(34)} ${m.eventsPerSecond.toFixed(0).padStart(8)} events/s   p50 ${m.p50Ms.toFixed(2).padStart(7)} ms   p99 ${m.p99Ms.toFixed(2).padStart(7)} ms   (${m.events} events, ${m.seconds.toFixed(1)} s)`;
}

/** Runs `rounds` full reads one after another, timing every batch; `read` yields each batch's size. */
export async function measureReads(rounds: number, read: () => AsyncIterable<number>): Promise<Measurement> {
  const latencies: number[] = [];
  let events = 0;
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    const batches = read()[Symbol.asyncIterator]();
    for (;;) {
      const begin = performance.now();
      const next = await batches.next();
      if (next.done) break;
      latencies.push(performance.now() - begin);
      events += next.value;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return summarise(events, seconds, latencies);
}

function summarise(events: number, seconds: number, latencies: number[]): Measurement {
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    events,
    seconds,
    eventsPerSecond: events / seconds,
    p50Ms: percentile(0.5),
    p99Ms: percentile(0.99),
  };
}
