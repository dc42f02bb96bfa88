import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { withMachineLock } from './machine-lock';

export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..', '..');
export const WEB_APP_ROOT = join(REPOSITORY_ROOT, 'dist', 'web');
const WEB_SOURCES = [
  join(REPOSITORY_ROOT, 'apps', 'web', 'src'),
  join(REPOSITORY_ROOT, 'apps', 'web', 'index.html'),
  join(REPOSITORY_ROOT, 'apps', 'web', 'vite.config.mts'),
  join(REPOSITORY_ROOT, 'apps', 'web', 'build'),
];

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
 * The browser tests run the web app as `npm run build` makes it (type check against the
 * generated API schema, then vite build into dist/web). Built once per change: the suites of
 * one run share it, taking turns through a lock folder.
 */
export async function ensureWebAppBuilt(): Promise<void> {
  await withMachineLock('l10k-web-build.lock', () => {
    if (isFresh()) return;
    try {
      // Jest sets NODE_ENV=test, and Vite builds React's development code under any NODE_ENV but
      // production: the browser tests would run an app of 800 KB that no one is served.
      execFileSync('npm', ['run', 'build:web', '--silent'], {
        cwd: REPOSITORY_ROOT,
        stdio: 'pipe',
        env: { ...process.env, NODE_ENV: 'production' },
      });
    } catch (error) {
      const output = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(
        `npm run build:web failed:\n${output.stdout?.toString() ?? ''}${output.stderr?.toString() ?? ''}`,
      );
    }
  });
}
