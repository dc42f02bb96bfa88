import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@l10k/config';
import type { ApiOptions } from '../src/app.module';
import { createApiApp } from '../src/create-api-app';
import { createTestDatabase } from '../../../test/test-database';

/** The real API on a fresh database of its own, logging silenced, ready for supertest. */
export async function startApiForTest(
  env: Record<string, string> = {},
  options: ApiOptions = {},
): Promise<INestApplication> {
  const databaseUrl = await createTestDatabase('api');
  const app = await createApiApp(
    loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', ...env }),
    options,
  );
  await app.init();
  return app;
}
