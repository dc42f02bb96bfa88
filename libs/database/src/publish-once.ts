import { randomBytes } from 'node:crypto';
import { link, rm, writeFile } from 'node:fs/promises';

/**
 * Writes a secret file of DATA_DIR once (the embedded database's password, the dev-token key), readable by its owner only: the complete content is
 * written aside, then linked into place. link() refuses an existing name, so when two
 * processes race (two starts, the API and the token CLI) one content wins and nobody reads a
 * half-written file.
 */
export async function publishOnce(path: string, content: string): Promise<void> {
  const draft = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(draft, content, { flag: 'wx', mode: 0o600 });
  try {
    await link(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(draft, { force: true });
  }
}
