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

/**
 * What `page` asks for (GETs whose path matches `path`) while its requests to `heldUrl` are
 * held back, after `open`: the distinct paths seen once `expected` of them have been asked
 * (or after 10 s), then the held requests go on. A screen whose requests wait for the held
 * answer asks for none of them meanwhile.
 */
export async function readsWhileHeld(
  page: Page,
  heldUrl: string,
  path: RegExp,
  expected: number,
  open: () => Promise<unknown>,
): Promise<string[]> {
  const release = await holdBack(page, heldUrl);
  const asked = readsOf(page, path);
  await open();
  for (const until = Date.now() + 10_000; new Set(asked.seen()).size < expected && Date.now() < until;)
    await page.waitForTimeout(50);
  release();
  return [...new Set(asked.stop())].sort();
}

/**
 * Holds back `page`'s requests to `url` (a glob or a test of the URL) until the returned
 * release is called; then they, and any made later, go on.
 */
export async function holdBack(page: Page, url: string | ((url: URL) => boolean)): Promise<() => void> {
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}
