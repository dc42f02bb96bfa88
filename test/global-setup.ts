import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../libs/database/src/embedded-database';
import { freePort } from '../libs/database/src/free-port';

/** One throwaway PostgreSQL server per test run; suites create their own databases in it. */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_SERVER_URL) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'l10k-test-'));
  const database = await startEmbeddedDatabase({ dataDir, port: await freePort(), persistent: false });
  // The teardown stops it and removes the folder: the cluster goes with the server (not
  // persistent), and its password file with the folder.
  Object.assign(globalThis, { __testDatabase__: database, __testDatabaseDir__: dataDir });
  process.env.TEST_DATABASE_SERVER_URL = database.url;
}
