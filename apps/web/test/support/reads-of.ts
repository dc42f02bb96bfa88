import type { Page, Request } from 'playwright-core';

/** The paths `page` asks for with a GET whose path matches `path`, until `stop`; `seen` so far. */
export function readsOf(page: Page, path: RegExp): { seen: () => readonly string[]; stop: () => string[] } {
  const paths: string[] = [];
  const note = (request: Request) => {
    const { pathname } = new URL(request.url());
    if (request.method() === 'GET' && path.test(pathname)) paths.push(pathname);
  };
  page.on('request', note);
  return {
    seen: () => [...paths],
    stop: () => {
      page.off('request', note);
      return paths;
    },
  };
}

/**
 * The applications `page` asks for one by one (GET /v1/applications/{id}) until `stop`: a list
 * screen whose lines each cost such a request makes a user on a slow line wait for all of them.
 */
export const readsOfApplications = (page: Page): ReturnType<typeof readsOf> =>
  readsOf(page, /^\/v1\/applications\/[^/]+$/);
