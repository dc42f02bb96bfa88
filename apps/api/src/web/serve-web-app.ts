import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Paths that belong to the API itself: never answered with the web app. */
const API_PATHS = ['/v1', '/docs', '/docs-json', '/health'];

function isApiPath(path: string): boolean {
  return API_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The file a path names inside `root`, if there is one; never anything outside it. */
async function fileAt(root: string, path: string): Promise<string | undefined> {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(path)).replace(/^[/\\]+/, '');
  } catch {
    return undefined;
  }
  if (relative === '' || relative.split(sep).includes('..')) return undefined;
  const found = await stat(join(root, relative)).catch(() => undefined);
  return found?.isFile() ? relative : undefined;
}

/**
 * The single-page app's files, and its index.html for every other GET (the app routes in the
 * browser), answered before routing so that API routes never see them. Hashed assets are
 * cached for good; index.html is always revalidated so a new build is picked up. A missing
 * asset falls through to the API's 404. A file the build compressed (apps/web/build/
 * precompressed-assets.mts) goes as its Brotli or gzip form to a browser that accepts one,
 * with `Vary: Accept-Encoding`; nothing is compressed per request.
 *
 * The hook takes `done` and never calls it once it answers: an async hook returning the reply
 * would resume routing as soon as the client went away (Fastify treats the closed connection
 * as the answer's end), and the API's own 404 would then race the file for the same reply.
 */
export function serveWebApp(fastify: FastifyInstance, root: string): void {
  void fastify.register(fastifyStatic, { root, serve: false, index: false, preCompressed: true });
  fastify.addHook(
    'onRequest',
    (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return done();
      const path = request.url.split('?', 1)[0];
      if (isApiPath(path)) return done();
      void fileAt(root, path)
        .then((file) => {
          if (file !== undefined) {
            const asset = file.startsWith(`assets${sep}`);
            if (asset) reply.sendFile(file, { immutable: true, maxAge: '365d' });
            else reply.sendFile(file, { cacheControl: false });
          } else if (path.startsWith('/assets/')) done();
          else reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
        })
        .catch(done);
    },
  );
}
