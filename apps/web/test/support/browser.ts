import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { withMachineLock } from './machine-lock';
import { REPOSITORY_ROOT } from './web-build';

/*
 * The Chromium that the @sparticuz/chromium npm package carries, so nothing is downloaded or
 * installed by hand. The package is ESM only and Jest's CommonJS runtime cannot import it, so
 * a short Node process asks it where it unpacked the binary. The package unpacks into the
 * temporary directory on first use and answers with the path as soon as the file exists: two
 * suites starting together on a new machine launched it half-written (spawn ETXTBSY), so the
 * suites take turns.
 */
function chromiumExecutable(): Promise<string> {
  return withMachineLock('l10k-chromium-unpack.lock', () =>
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import chromium from '@sparticuz/chromium'; process.stdout.write(await chromium.executablePath());",
      ],
      { cwd: REPOSITORY_ROOT, encoding: 'utf8' },
    ).trim(),
  );
}

/** What each page's context is given: a Japanese user's language, and Japan's clock time. */
export const JAPANESE_USER = { locale: 'ja-JP', timezoneId: 'Asia/Tokyo' } as const;

/**
 * This headless Chromium orders a date input's fields by ICU's default locale, which it takes
 * from the environment's LC_MESSAGES, not from --lang or the context's locale: under C.UTF-8 the
 * field reads mm/dd/yyyy, where a Japanese user's reads yyyy/mm/dd. glibc must accept the name,
 * or it leaves every category in the ASCII C locale (then a download named 事業計画書.pdf is saved
 * as "download"), and ja_JP is not installed on these machines: so a locale folder of our own
 * names C.UTF-8's data ja_JP.UTF-8. glibc reads UTF-8 data under it; ICU goes by the name.
 * The file input's 「Choose File」 and the date fields' placeholders stay English whatever is
 * set: the binary carries only en-US strings.
 */
function japaneseLocaleFolder(): string | undefined {
  const folder = join(tmpdir(), 'l10k-browser-locales');
  const alias = join(folder, 'ja_JP.UTF-8');
  if (existsSync(alias)) return folder;
  const utf8 = ['/usr/lib/locale/C.utf8', '/usr/lib/locale/C.UTF-8'].find((path) => existsSync(path));
  if (utf8 === undefined) return undefined;
  mkdirSync(folder, { recursive: true });
  try {
    symlinkSync(utf8, alias);
  } catch (error) {
    // Another suite made it first.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return folder;
}

/** The environment with LC_MESSAGES Japanese; an LC_ALL would outrank it, so it becomes LANG. */
function japaneseEnvironment(): NodeJS.ProcessEnv {
  const folder = japaneseLocaleFolder();
  if (folder === undefined) return process.env;
  const { LC_ALL: all, ...environment } = process.env;
  return {
    ...environment,
    ...(all ? { LANG: all } : {}),
    LOCPATH: `${folder}:${environment.LOCPATH ?? '/usr/lib/locale'}`,
    LC_MESSAGES: 'ja_JP.UTF-8',
  };
}

/** Headless, with everything that would reach out to the (closed) network turned off; no sandbox as root. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumExecutable(),
    headless: true,
    env: japaneseEnvironment(),
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
