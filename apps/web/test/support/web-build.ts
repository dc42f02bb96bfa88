import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..', '..');
export const WEB_APP_ROOT = join(REPOSITORY_ROOT, 'dist', 'web');
const WEB_SOURCES = [
  join(REPOSITORY_ROOT, 'apps', 'web', 'src'),
  join(REPOSITORY_ROOT, 'apps', 'web', 'index.html'),
  join(REPOSITORY_ROOT, 'apps', 'web', 'vite.config.mts'),
];
const LOCK = join(tmpdir(), 'l10k-web-build.lock');
const LOCK_OWNER = join(LOCK, 'pid');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

function isFresh(): boolean {
  const index = join(WEB_APP_ROOT, 'index.html');
  if (!existsSync(index)) return false;
  return statSync(index).mtimeMs > Math.max(...WEB_SOURCES.map(newestChange));
}

/**
 * A lock whose holder is gone: its process no longer runs (a run killed mid-build), or it never
 * wrote its pid and was taken more than a minute ago. Left in place, it made every later
 * browser suite on the machine wait out its deadline and fail.
 */
function isAbandoned(): boolean {
  try {
    process.kill(Number(readFileSync(LOCK_OWNER, 'utf8')), 0);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPERM') return false;
    if (code === 'ESRCH') return true;
    try {
      return Date.now() - statSync(LOCK).mtimeMs > 60_000;
    } catch {
      return false;
    }
  }
}

/**
 * The browser tests run the web app as `npm run build` makes it (type check against the
 * generated API schema, then vite build into dist/web). Built once per change: the suites of
 * one run share it, taking turns through a lock folder.
 */
export async function ensureWebAppBuilt(): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(LOCK_OWNER, String(process.pid));
      break;
    } catch {
      if (isAbandoned()) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`the web build lock ${LOCK} is held for too long`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (!isFresh())
      execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: REPOSITORY_ROOT, stdio: 'pipe' });
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(
      `npm run build:web failed:\n${output.stdout?.toString() ?? ''}${output.stderr?.toString() ?? ''}`,
    );
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
