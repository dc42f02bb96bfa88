import type { EmbeddedDatabase } from '../libs/database/src/embedded-database';

export default async function globalTeardown(): Promise<void> {
  const database = (globalThis as { __testDatabase__?: EmbeddedDatabase }).__testDatabase__;
  await database?.stop();
}
