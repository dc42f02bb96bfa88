import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { startApiForTest } from '../../api/test/api-test-app';
import { ensureWebAppBuilt, WEB_APP_ROOT } from './support/web-build';

/** The script and stylesheet the built page links to (paths under dist/web), once the app is built. */
async function builtPageAssets(): Promise<string[]> {
  await ensureWebAppBuilt();
  const html = readFileSync(join(WEB_APP_ROOT, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
}

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

  it('builds the app as npm start serves it: React’s production code, whatever NODE_ENV the tests run under', async () => {
    const script = (await builtPageAssets()).find((file) => file.endsWith('.js'));
    expect(script).toBeDefined();
    // React's production build sends its errors to react.dev/errors by number; its development build spells them out.
    expect(readFileSync(join(WEB_APP_ROOT, script!), 'utf8')).toContain('react.dev/errors/');
  }, 180_000);

  it('builds the page’s script and stylesheet with their Brotli and gzip forms beside them, sent to a browser that accepts them', async () => {
    const linked = await builtPageAssets();
    expect(linked).toHaveLength(2);
    for (const file of linked) {
      const bytes = readFileSync(join(WEB_APP_ROOT, file));
      const brotli = readFileSync(join(WEB_APP_ROOT, `${file}.br`));
      expect(brotliDecompressSync(brotli).equals(bytes)).toBe(true);
      expect(gunzipSync(readFileSync(join(WEB_APP_ROOT, `${file}.gz`))).equals(bytes)).toBe(true);
      // As built: the script 650 KB to 164 KB, the stylesheet (every subset of the Japanese font declared) 228 KB to 26 KB.
      expect(brotli.length).toBeLessThan(bytes.length / 3);
    }
    // Fonts are compressed formats already: they go as they are.
    const assets = readdirSync(join(WEB_APP_ROOT, 'assets'));
    expect(assets.filter((file) => /\.woff2?$/.test(file)).length).toBeGreaterThan(0);
    expect(assets.filter((file) => /\.woff2?\.(br|gz)$/.test(file))).toEqual([]);
    // The API sends the Brotli form as the build wrote it to a browser that accepts it.
    const built = await startApiForTest({ AUTH_MODE: 'dev' }, { webAppRoot: WEB_APP_ROOT });
    try {
      const fastify = built.getHttpAdapter().getInstance() as FastifyInstance;
      const sent = await fastify.inject({
        url: `/${linked[0]}`,
        headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
      });
      expect(sent.headers['content-encoding']).toBe('br');
      expect(sent.rawPayload.equals(readFileSync(join(WEB_APP_ROOT, `${linked[0]}.br`)))).toBe(true);
    } finally {
      await built.close();
    }
  }, 180_000);
});
