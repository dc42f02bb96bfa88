import { childrenOf, postgresTicks, TICKS_PER_SECOND } from '../process-cpu';

/**
 * A run's CPU time per request in microseconds: the API workers', PostgreSQL's (the whole
 * cluster) and the load generator's (this process, every thread). A read's ratio to the floor
 * moves with this machine's phase; its CPU per request beside the floor's says what it costs
 * and which process pays. Null where /proc cannot say (not Linux, or a worker restarted).
 */
export interface CpuPerRequest {
  readonly api: number | null;
  readonly postgres: number | null;
  readonly loadGenerator: number;
}

const isApiWorker = (commandLine: string): boolean => commandLine.includes('apps/api/src/main.js');

/** The launcher's API workers and their ticks so far. */
function workerTicks(launcher: number): Map<number, number> {
  const workers = new Map<number, number>();
  for (const [pid, { commandLine, ticks }] of childrenOf(launcher))
    if (isApiWorker(commandLine)) workers.set(pid, ticks);
  return workers;
}

/** Starts counting when made; `perRequest` divides what was spent since by the requests answered. */
export class RunCpu {
  private readonly workers: ReadonlyMap<number, number>;
  private readonly postgres: number | null;
  private readonly loadGenerator = process.cpuUsage();

  constructor(
    private readonly launcher: number,
    private readonly clusterDir: string,
  ) {
    this.workers = workerTicks(launcher);
    this.postgres = postgresTicks(clusterDir)?.all ?? null;
  }

  perRequest(requests: number): CpuPerRequest {
    const { user, system } = process.cpuUsage(this.loadGenerator);
    const workersNow = workerTicks(this.launcher);
    const postgresNow = postgresTicks(this.clusterDir)?.all ?? null;
    const sameWorkers =
      this.workers.size > 0 &&
      workersNow.size === this.workers.size &&
      [...this.workers.keys()].every((pid) => workersNow.has(pid));
    let apiTicks = 0;
    for (const [pid, ticks] of workersNow) apiTicks += ticks - (this.workers.get(pid) ?? 0);
    const microseconds = (ticks: number): number =>
      Math.round((ticks * 1_000_000) / TICKS_PER_SECOND / Math.max(requests, 1));
    return {
      api: sameWorkers ? microseconds(apiTicks) : null,
      postgres:
        postgresNow === null || this.postgres === null ? null : microseconds(postgresNow - this.postgres),
      loadGenerator: Math.round((user + system) / Math.max(requests, 1)),
    };
  }
}
