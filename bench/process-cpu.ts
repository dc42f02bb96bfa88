/**
 * CPU time of the processes a benchmark drives, read from /proc (Linux; elsewhere every
 * reading is null). On a shared machine a rate moves with the neighbours' load; CPU time per
 * event or per request barely does, so it is what two runs, or a read and its floor, compare.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture Node runs on

/** utime, stime, cutime, cstime and ppid of a process, from /proc/<pid>/stat. */
export function statOf(pid: number): { ppid: number; own: number; reaped: number } | undefined {
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

const commandLineOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
};

export interface Child {
  readonly commandLine: string;
  /** Its own ticks so far. */
  readonly ticks: number;
}

/** The live children of `parent`, by pid. */
export function childrenOf(parent: number): Map<number, Child> {
  const children = new Map<number, Child>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return children;
  }
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === parent) continue;
    const stat = statOf(pid);
    if (stat?.ppid === parent) children.set(pid, { commandLine: commandLineOf(pid), ticks: stat.own });
  }
  return children;
}

/** A session's process title: `postgres: <user> <database> <client> <activity>`, unlike `postgres: checkpointer`. */
const isSession = (commandLine: string): boolean => /^postgres: \S+ \S+ \S+/.test(commandLine);

export interface PostgresTicks {
  /** The postmaster, its live children and the children it has reaped. */
  readonly all: number;
  readonly sessions: number;
  /** Session processes by pid, to count only what each spent in between. */
  readonly byPid: ReadonlyMap<number, number>;
}

/** The embedded cluster's ticks so far, found through its postmaster.pid; null if it is not running here. */
export function postgresTicks(clusterDir: string): PostgresTicks | null {
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
  for (const [pid, { commandLine, ticks }] of childrenOf(postmaster)) {
    all += ticks;
    if (!isSession(commandLine)) continue;
    sessions += ticks;
    byPid.set(pid, ticks);
  }
  return { all, sessions, byPid };
}
