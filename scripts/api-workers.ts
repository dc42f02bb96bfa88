import cluster, { type Worker } from 'node:cluster';

/**
 * Each worker's young generation, in MB per semi-space, fixed rather than V8's starting 1 MB
 * (it grows only when many objects survive, and a read's garbage does not). At 1 MB a worker
 * scavenged every ~20 reads of the state as of an instant, in pauses of up to 14 ms. Eight
 * paired runs of that read at 20 req/s (two systems side by side, the flag on either, turn and
 * turn about): p99 7.0–10.3 ms, median 8.2, against 7.3–13.7, median 9.7, lower in 7 of the 8
 * pairs; the floor's p99 median 6.0 against 7.4. About 25 MB more heap per worker. A node flag
 * given to the launcher comes after these, and so wins.
 */
export const WORKER_YOUNG_GENERATION = ['--min-semi-space-size=16', '--max-semi-space-size=16'];

/** A worker that lived this long before dying starts again at once; faster deaths back off. */
const HEALTHY_AFTER_MS = 30_000;
const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;

interface Slot {
  readonly number: number;
  worker?: Worker;
  /** Whether this slot's worker ever listened: a first start that fails is a broken setup, not a crash. */
  everListened: boolean;
  /** When the current worker began listening; 0 while it has not. */
  listenedAt: number;
  /** Restarts since the slot's worker last ran healthily. */
  restarts: number;
  restartTimer?: NodeJS.Timeout;
}

export interface ApiWorkersOptions {
  /** How many API processes share the port. */
  readonly count: number;
  /** The compiled API entry (dist/apps/api/src/main.js). */
  readonly entry: string;
  readonly env: NodeJS.ProcessEnv;
  readonly log: (message: string) => void;
  /** A worker died before it ever listened (bad configuration, port taken): the system cannot run. */
  readonly onBrokenStart: (reason: string) => void;
}

/**
 * The API as `count` processes on one port (node:cluster: the primary accepts connections
 * and hands them round-robin to the workers, each a whole Nest app with its own pools).
 * A worker that dies after it listened is started again, sooner or later by how soon it died.
 */
export class ApiWorkers {
  private readonly slots: Slot[];
  private stopping = false;

  constructor(private readonly options: ApiWorkersOptions) {
    this.slots = Array.from({ length: options.count }, (_, index) => ({
      number: index + 1,
      everListened: false,
      listenedAt: 0,
      restarts: 0,
    }));
  }

  start(): void {
    cluster.setupPrimary({
      exec: this.options.entry,
      execArgv: [...WORKER_YOUNG_GENERATION, ...process.execArgv],
    });
    for (const slot of this.slots) this.fork(slot);
  }

  /** The running workers' process ids. */
  pids(): number[] {
    return this.slots.flatMap((slot) => (slot.worker?.process.pid ? [slot.worker.process.pid] : []));
  }

  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    for (const slot of this.slots) clearTimeout(slot.restartTimer);
    await Promise.all(
      this.slots.map(async ({ worker }) => {
        if (!worker || worker.isDead()) return;
        const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
        worker.process.kill('SIGTERM');
        const timer = setTimeout(() => worker.process.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private fork(slot: Slot): void {
    const worker = cluster.fork({ ...this.options.env, API_WORKER: String(slot.number) });
    slot.worker = worker;
    slot.listenedAt = 0;
    worker.once('listening', () => {
      slot.everListened = true;
      slot.listenedAt = Date.now();
      this.options.log(`api worker ${slot.number} listening (pid ${worker.process.pid})`);
    });
    worker.once('exit', (code, signal) => this.exited(slot, worker, signal ?? code));
  }

  private exited(slot: Slot, worker: Worker, how: string | number): void {
    if (slot.worker === worker) slot.worker = undefined;
    if (this.stopping) return;
    const died = `api worker ${slot.number} (pid ${worker.process.pid}) exited with ${how}`;
    if (!slot.everListened) {
      this.options.onBrokenStart(`${died} before it listened`);
      return;
    }
    if (slot.listenedAt > 0 && Date.now() - slot.listenedAt > HEALTHY_AFTER_MS) slot.restarts = 0;
    const delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** slot.restarts);
    slot.restarts += 1;
    this.options.log(`${died}; starting it again in ${delay} ms (restart ${slot.restarts} in a row)`);
    slot.restartTimer = setTimeout(() => this.fork(slot), delay);
  }
}
