import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startApiForTest } from '../../api/test/api-test-app';
import { ensureWebAppBuilt, WEB_APP_ROOT } from './support/web-build';

describe('The API process serves the web front end at /', () => {
  const root = mkdtempSync(join(tmpdir(), 'l10k-web-root-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html lang="ja"><title>申請</title><script type="module" src="/assets/app.js"></script></html>',
  );
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app");');
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApiForTest({ AUTH_MODE: 'dev' }, { webAppRoot: root });
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers / and every screen path with index.html, revalidated on each load', async () => {
    for (const path of ['/', '/sign-in', '/applications/0b6c3f2e-8f5e-4a57-9d55-2f0d0c1e9a10/edit']) {
      const response = await request(app.getHttpServer()).get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('<title>申請</title>');
    }
  });

  it('serves hashed assets for good, and a missing asset is a 404, not the page', async () => {
    const asset = await request(app.getHttpServer()).get('/assets/app.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    await request(app.getHttpServer()).get('/assets/missing.js').expect(404);
  });

  it('leaves the API its own paths: /v1, /docs-json and /health answer as before', async () => {
    const unknown = await request(app.getHttpServer()).get('/v1/no-such-thing').expect(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    const docs = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).post('/').expect(404);
  });

  it('tells the web front end how to sign in', async () => {
    const config = await request(app.getHttpServer()).get('/v1/web-config').expect(200);
    expect(config.body).toEqual({ authMode: 'dev', oidc: null });
  });

  it('builds a page with no inline script or style, so a Content-Security-Policy of self admits it', async () => {
    await ensureWebAppBuilt();
    const html = readFileSync(join(WEB_APP_ROOT, 'index.html'), 'utf8');
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
  }, 180_000);
});
