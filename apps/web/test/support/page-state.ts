import type { Page } from 'playwright-core';

/* Read in the page as plain expressions: this Node project's type check has no DOM library. */

export function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate<string | undefined>('document.activeElement?.id');
}

export function sessionStorageItem(page: Page, key: string): Promise<string | null> {
  return page.evaluate<string | null>(`sessionStorage.getItem(${JSON.stringify(key)})`);
}

export function cookies(page: Page): Promise<string> {
  return page.evaluate<string>('document.cookie');
}

/** How many faces of the family the page loaded to draw the text. */
export function loadedFontFaces(page: Page, family: string, text: string): Promise<number> {
  return page.evaluate<number>(
    `document.fonts.load(${JSON.stringify(`16px "${family}"`)}, ${JSON.stringify(text)}).then((faces) => faces.length)`,
  );
}

/**
 * The page's fonts, loaded: the faces its text needs in both weights the app imports, then
 * whatever else is still loading. `document.fonts.ready` alone can resolve before the browser
 * has asked for a subset the text needs: a run's first screen was once drawn with glyphs missing.
 */
export function fontsReady(page: Page): Promise<unknown> {
  return page.evaluate(`Promise.all(['400', '700'].map((weight) =>
      document.fonts.load(weight + ' 16px "Noto Sans JP"', document.body.innerText)))
    .then(() => document.fonts.ready)
    .then(() => true)`);
}

/**
 * Resolves once the page would ask before it is closed: a cancelable `beforeunload` sent to it
 * is cancelled (what the app's leave guard does), and the page has had a person's gesture (the
 * browser shows its question only then). Closing a tab the moment after typing raced the app
 * registering its guard on a loaded CI machine: the tab closed without asking.
 */
export async function asksBeforeLeaving(page: Page): Promise<void> {
  // Polled with evaluate, not waitForFunction: the app's CSP forbids the eval its polling uses.
  const asks = `navigator.userActivation.hasBeenActive &&
    !window.dispatchEvent(new Event('beforeunload', { cancelable: true }))`;
  const deadline = Date.now() + 10_000;
  while (!(await page.evaluate<boolean>(asks))) {
    if (Date.now() > deadline) throw new Error('the page never came to ask before it is closed');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
