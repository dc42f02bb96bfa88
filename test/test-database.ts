import { randomBytes } from 'node:crypto';
import { createDatabase, migrate } from '@l10k/database';

/** A fresh, migrated database of its own for one test suite, on the run's throwaway server. */
export async function createTestDatabase(purpose = 'test'): Promise<string> {
  const serverUrl = process.env.TEST_DATABASE_SERVER_URL;
  if (!serverUrl)
    throw new Error('TEST_DATABASE_SERVER_URL is not set: run the tests through jest (test/global-setup.ts)');
  const name = `${purpose.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(serverUrl, name);
  await migrate(url);
  return url;
}
