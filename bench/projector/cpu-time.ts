import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture Node runs on

/** utime, stime, cutime, cstime and ppid of a process, from /proc/<pid>/stat. */
function statOf(pid: number): { ppid: number; own: number; reaped: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (2nd field) may hold spaces: the fields after it start past its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = (index: number): number => Number(fields[index]);
    return { ppid: Number(fields[1]), own: ticks(11) + ticks(12), reaped: ticks(13) + ticks(14) };
  } catch {
    return undefined;
  }
}

/** A session's process title: `postgres: <user> <database> <client> <activity>`, unlike `postgres: checkpointer`. */
const isSession = (pid: number): boolean => {
  try {
    return /^postgres: \S+ \S+ \S+/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return false;
  }
};

interface Ticks {
  readonly all: number;
  readonly sessions: number;
  /** Session processes by pid, to count only what each spent in between. */
  readonly byPid: ReadonlyMap<number, number>;
}

function postgresTicks(clusterDir: string): Ticks | null {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  const root = statOf(postmaster);
  if (root === undefined) return null;
  let all = root.own + root.reaped;
  let sessions = 0;
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === postmaster) continue;
    const stat = statOf(pid);
    if (stat?.ppid !== postmaster) continue;
    all += stat.own;
    if (isSession(pid)) {
      sessions += stat.own;
      byPid.set(pid, stat.own);
    }
  }
  return { all, sessions, byPid };
}

const projectorSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Starts counting; `stop` gives the seconds spent since. */
export class CpuTime {
  private readonly projector = projectorSeconds();
  private readonly postgres: Ticks | null;

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
