import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { REPOSITORY_ROOT } from './web-build';

/*
 * The Chromium that the @sparticuz/chromium npm package carries, so nothing is downloaded or
 * installed by hand. The package is ESM only and Jest's CommonJS runtime cannot import it, so
 * a short Node process asks it where it unpacked the binary.
 */
function chromiumExecutable(): string {
  return execFileSync(
    process.execPath,
    ['--input-type=module', '-e', "import chromium from '@sparticuz/chromium'; process.stdout.write(await chromium.executablePath());"],
    { cwd: REPOSITORY_ROOT, encoding: 'utf8' },
  ).trim();
}

/** Headless, with everything that would reach out to the (closed) network turned off; no sandbox as root. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      // /dev/shm may be small on a CI machine; a renderer that runs out of it hangs or crashes.
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--lang=ja-JP',
    ],
  });
}
