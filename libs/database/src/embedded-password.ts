import { randomBytes } from 'node:crypto';
import { chmod, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { publishOnce } from './publish-once';

/** Beside `database-url` in DATA_DIR, readable by its owner only. */
export const PASSWORD_FILE = 'database-password';

/** The well-known password every embedded cluster was initialised with before this file existed. */
export const LEGACY_PASSWORD = 'postgres';

/** The file's password; '' when it is empty (a crash while writing), undefined when it is missing. */
async function readKept(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The embedded cluster's password for DATA_DIR: the one kept in `database-password`, or a new
 * random one kept there (mode 0600) before any cluster is made or changed with it.
 */
export async function embeddedDatabasePassword(dataDir: string): Promise<string> {
  const path = join(dataDir, PASSWORD_FILE);
  const kept = await readKept(path);
  if (kept) {
    // Tightens a file that was copied or restored with looser permissions.
    await chmod(path, 0o600);
    return kept;
  }
  if (kept === '') await rm(path, { force: true });
  await publishOnce(path, `${randomBytes(24).toString('base64url')}\n`);
  const password = await readKept(path);
  if (!password) throw new Error(`${path} could not be written`);
  return password;
}
