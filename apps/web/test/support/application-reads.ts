import type { Page, Request } from 'playwright-core';

/**
 * The paths of the applications `page` asks for one by one (GET /v1/applications/{id}) until
 * `stop`: a list screen whose lines each cost such a request makes a user on a slow line wait
 * for all of them.
 */
export function readsOfApplications(page: Page): { stop: () => string[] } {
  const paths: string[] = [];
  const note = (request: Request) => {
    const { pathname } = new URL(request.url());
    if (request.method() === 'GET' && /^\/v1\/applications\/[^/]+$/.test(pathname)) paths.push(pathname);
  };
  page.on('request', note);
  return {
    stop: () => {
      page.off('request', note);
      return paths;
    },
  };
}
