import { postgresTicks, TICKS_PER_SECOND, type PostgresTicks } from '../process-cpu';

/**
 * CPU time of the benchmark's two processes while some work runs: this process (the
 * projector) and the embedded PostgreSQL cluster (the postmaster, its live children, and
 * the children it has reaped). On a shared machine a rate moves with the neighbours' load;
 * CPU seconds per event barely do, so they are what two runs compare. PostgreSQL's share is
 * read from /proc (Linux): elsewhere it is null.
 */
export interface CpuSeconds {
  readonly projector: number;
  readonly postgres: number | null;
  /** Of `postgres`, the sessions' own (the statements): background work (autovacuum, checkpoints, WAL writing) comes and goes with the timing. */
  readonly postgresSessions: number | null;
}

const projectorSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Starts counting; `stop` gives the seconds spent since. */
export class CpuTime {
  private readonly projector = projectorSeconds();
  private readonly postgres: PostgresTicks | null;

  constructor(private readonly clusterDir: string) {
    this.postgres = postgresTicks(clusterDir);
  }

  stop(): CpuSeconds {
    const postgresNow = postgresTicks(this.clusterDir);
    const projector = Number((projectorSeconds() - this.projector).toFixed(1));
    const before = this.postgres;
    if (postgresNow === null || before === null) return { projector, postgres: null, postgresSessions: null };
    // Sessions that ended meanwhile are in `all` (reaped), not in `sessions`: those opened since count whole.
    let sessions = 0;
    for (const [pid, ticks] of postgresNow.byPid) sessions += ticks - (before.byPid.get(pid) ?? 0);
    return {
      projector,
      postgres: Number(((postgresNow.all - before.all) / TICKS_PER_SECOND).toFixed(1)),
      postgresSessions: Number((sessions / TICKS_PER_SECOND).toFixed(1)),
    };
  }
}
