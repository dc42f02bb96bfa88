import { join } from 'node:path';
import { static as serveStatic, type NextFunction, type Request, type Response } from 'express';

/** Paths that belong to the API itself: never answered with the web app. */
const API_PATHS = ['/v1', '/docs', '/docs-json', '/health'];

function isApiPath(path: string): boolean {
  return API_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * The single-page app's files, and its index.html for every other GET (the app routes in the
 * browser). Hashed assets are cached for good; index.html is always revalidated so a new
 * build is picked up. A missing asset falls through to the API's 404.
 */
export function webAppHandler(root: string) {
  const files = serveStatic(root, {
    index: false,
    setHeaders: (response, path) => {
      if (path.startsWith(join(root, 'assets'))) {
        response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      }
    },
  });
  const indexHtml = join(root, 'index.html');
  return (request: Request, response: Response, next: NextFunction): void => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(request.path)) return next();
    files(request, response, () => {
      if (request.path.startsWith('/assets/')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(indexHtml);
    });
  };
}
