import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { openApiDocumentOf, openApiDocumentPath } from '../../../scripts/openapi-document';
import { startApiForTest } from '../../api/test/api-test-app';

describe('The OpenAPI document the web client is generated from', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApiForTest({ AUTH_MODE: 'dev' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('is committed exactly as the API serves it (after changing a DTO, run `npm run web:openapi`)', async () => {
    const committed: unknown = JSON.parse(readFileSync(openApiDocumentPath(), 'utf8'));
    expect(await openApiDocumentOf(app)).toEqual(committed);
  });
});
