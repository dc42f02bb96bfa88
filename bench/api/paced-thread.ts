/**
 * A fixed-rate run on a thread of its own: its own heap, so the load generator is never paused
 * by the collection of the bench process's heap (the seed's plans and ids, autocannon's
 * histograms), which would charge a server with a stall it did not cause. The requests are
 * worked out beforehand and sent in order.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Measured } from './load';
import { paced, single, type PacedRequest } from './paced';

interface PacedRun {
  readonly url: string;
  readonly name: string;
  readonly seconds: number;
  readonly rate: number;
  readonly requests: readonly PacedRequest[];
}

export function pacedOnItsOwnThread(run: PacedRun): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(__filename, { workerData: run });
    thread.once('message', resolve);
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the paced run '${run.name}' exited with ${code}`));
    });
  });
}

if (!isMainThread) {
  const run = workerData as PacedRun;
  let next = 0;
  void paced(
    run.url,
    run.name,
    run.seconds,
    run.rate,
    single(() => run.requests[next++ % run.requests.length]),
  ).then((measured) => parentPort?.postMessage(measured));
}
