import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A lock whose holder is gone: its process no longer runs (a run killed mid-work), or it never
 * wrote its pid and was taken more than a minute ago. Left in place, it made every later
 * browser suite on the machine wait out its deadline and fail.
 */
function isAbandoned(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(join(lock, 'pid'), 'utf8')), 0);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPERM') return false;
    if (code === 'ESRCH') return true;
    try {
      return Date.now() - statSync(lock).mtimeMs > 60_000;
    } catch {
      return false;
    }
  }
}

/**
 * Runs `work` while this process holds the machine-wide lock `name`: a folder in the temporary
 * directory, which every Jest worker (and every run) on the machine takes turns through.
 */
export async function withMachineLock<T>(name: string, work: () => T, waitMs = 180_000): Promise<T> {
  const lock = join(tmpdir(), name);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      if (isAbandoned(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`the lock ${lock} is held for too long`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
