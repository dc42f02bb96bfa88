import { rmSync } from 'node:fs';
import type { EmbeddedDatabase } from '../libs/database/src/embedded-database';

export default async function globalTeardown(): Promise<void> {
  const { __testDatabase__: database, __testDatabaseDir__: dataDir } = globalThis as {
    __testDatabase__?: EmbeddedDatabase;
    __testDatabaseDir__?: string;
  };
  await database?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
