import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { serveWebApp } from './serve-web-app';

/** The answers the API itself gave, besides the site's files. */
const answeredByApi = new WeakMap<FastifyInstance, string[]>();

/** A script the build compressed: some 40 KB, a twentieth of it once compressed. */
const MAIN_SCRIPT = Buffer.from(
  Array.from(
    { length: 800 },
    (_, line) => `export const 申請${line} = { line: ${line}, text: '締切は毎月10日' };`,
  ).join('\n'),
);

/** What a browser accepts (Chromium's header), or nothing said. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };

/** Every site a test made: closed after it, their folders with them. */
const sites: FastifyInstance[] = [];

async function siteWithApi(): Promise<FastifyInstance> {
  const parent = mkdtempSync(join(tmpdir(), 'l10k-web-'));
  const root = join(parent, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'font-3c4d.woff2'), Buffer.alloc(200_000));
  // As the build leaves its script: beside it, its Brotli and gzip forms.
  writeFileSync(join(root, 'assets', 'main-5e6f.js'), MAIN_SCRIPT);
  writeFileSync(join(root, 'assets', 'main-5e6f.js.br'), brotliCompressSync(MAIN_SCRIPT));
  writeFileSync(join(root, 'assets', 'main-5e6f.js.gz'), gzipSync(MAIN_SCRIPT));
  writeFileSync(join(root, 'favicon.svg'), '<svg/>');
  writeFileSync(join(parent, 'secret.txt'), 'not for the web');
  const fastify = Fastify();
  fastify.addHook('onClose', async () => rmSync(parent, { recursive: true, force: true }));
  sites.push(fastify);
  serveWebApp(fastify, root);
  fastify.get('/v1/things', async () => ({ api: true }));
  const api: string[] = [];
  answeredByApi.set(fastify, api);
  fastify.setNotFoundHandler((request, reply) => {
    api.push(request.url);
    return reply.status(404).send({ notFound: true });
  });
  await fastify.ready();
  return fastify;
}

describe('the web front end, served beside the API', () => {
  afterEach(async () => {
    await Promise.all(sites.splice(0).map((site) => site.close()));
  });

  it('answers index.html, never cached without revalidation, for the app’s own routes', async () => {
    const site = await siteWithApi();
    for (const path of ['/', '/officer/rounds?fiscalYear=2025', '/applications/7d3f1c2e/documents']) {
      const answer = await site.inject(path);
      expect([answer.statusCode, answer.body, answer.headers['cache-control']]).toEqual([
        200,
        '<!doctype html><title>app</title>',
        'no-cache',
      ]);
    }
  });

  it('serves a hashed asset cached for good, and other files as they are', async () => {
    const site = await siteWithApi();
    const asset = await site.inject('/assets/app-1a2b.js');
    expect([asset.statusCode, asset.body, asset.headers['cache-control']]).toEqual([
      200,
      'console.log(1)',
      'public, max-age=31536000, immutable',
    ]);
    expect((await site.inject('/favicon.svg')).body).toBe('<svg/>');
  });

  it('sends a file the build compressed as the form the browser accepts, typed and cached as the file', async () => {
    const site = await siteWithApi();
    const brotli = await site.inject({ url: '/assets/main-5e6f.js', headers: BROWSER });
    expect([
      brotli.statusCode,
      brotli.headers['content-encoding'],
      brotli.headers['content-type'],
      brotli.headers['cache-control'],
      brotli.headers.vary,
    ]).toEqual([
      200,
      'br',
      'application/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
      'accept-encoding',
    ]);
    expect(brotli.rawPayload.length).toBeLessThan(MAIN_SCRIPT.length / 10);
    expect(brotliDecompressSync(brotli.rawPayload).equals(MAIN_SCRIPT)).toBe(true);

    const gzip = await site.inject({ url: '/assets/main-5e6f.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(MAIN_SCRIPT)).toBe(true);

    const plain = await site.inject('/assets/main-5e6f.js');
    expect([plain.headers['content-encoding'], plain.headers.vary]).toEqual([undefined, 'accept-encoding']);
    expect(plain.rawPayload.equals(MAIN_SCRIPT)).toBe(true);
  });

  it('sends a file the build left as it was (a font, the page) as it is, to any browser', async () => {
    const site = await siteWithApi();
    const font = await site.inject({ url: '/assets/font-3c4d.woff2', headers: BROWSER });
    expect([font.statusCode, font.headers['content-encoding'], font.rawPayload.length]).toEqual([
      200,
      undefined,
      200_000,
    ]);
    const page = await site.inject({ url: '/applications/7d3f1c2e', headers: BROWSER });
    expect([page.headers['content-encoding'], page.headers['cache-control'], page.body]).toEqual([
      undefined,
      'no-cache',
      '<!doctype html><title>app</title>',
    ]);
  });

  it('leaves API paths, missing assets and other methods to the API', async () => {
    const site = await siteWithApi();
    expect((await site.inject('/v1/things')).json()).toEqual({ api: true });
    expect((await site.inject('/v1/unknown')).json()).toEqual({ notFound: true });
    expect((await site.inject('/assets/missing.js')).json()).toEqual({ notFound: true });
    expect((await site.inject({ method: 'POST', url: '/somewhere' })).statusCode).toBe(404);
  });

  it('never serves a file outside its folder, however the path is written', async () => {
    const site = await siteWithApi();
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    ]) {
      const answer = await site.inject(path);
      expect(answer.body).not.toContain('not for the web');
    }
  });

  it('never also routes to the API a file whose browser went away before it was sent', async () => {
    const site = await siteWithApi();
    await site.listen({ host: '127.0.0.1', port: 0 });
    const { port } = site.server.address() as { port: number };
    // As a browser leaving the page while its fonts load: the request is sent, the connection closed.
    for (let request = 0; request < 20; request += 1)
      await new Promise<void>((sent) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.end('GET /assets/font-3c4d.woff2 HTTP/1.1\r\nHost: localhost\r\n\r\n', () => {
            socket.destroy();
            sent();
          });
        });
      });
    await new Promise((settled) => setTimeout(settled, 300));
    await site.close();
    expect(answeredByApi.get(site)).toEqual([]);
  });
});
