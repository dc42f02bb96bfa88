import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@l10k/config';
import { freePort, migrate } from '@l10k/database';
import { startEmbeddedDatabase } from '@l10k/database/embedded-database';
import { createApiApp } from '../apps/api/src';
import { openApiDocumentOf, openApiDocumentPath } from './openapi-document';

/**
 * `npm run web:openapi`: starts the API on a throwaway embedded database (in dev auth mode, so
 * the dev-token route is documented too) and writes its OpenAPI document where the web front
 * end's generated client reads it. Run it after changing a DTO; a spec fails until you do.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'l10k-openapi-'));
  const database = await startEmbeddedDatabase({ dataDir, port: await freePort(), persistent: false });
  try {
    await migrate(database.url);
    const app = await createApiApp(
      loadConfig({ DATABASE_URL: database.url, DATA_DIR: dataDir, AUTH_MODE: 'dev', LOG_LEVEL: 'silent' }),
    );
    try {
      const document = await openApiDocumentOf(app);
      writeFileSync(openApiDocumentPath(), `${JSON.stringify(document, null, 2)}\n`);
      console.log(`wrote ${openApiDocumentPath()}`);
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
