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
  return page.evaluate<number>(`document.fonts.load(${JSON.stringify(`16px "${family}"`)}, ${JSON.stringify(text)}).then((faces) => faces.length)`);
}

export function fontsReady(page: Page): Promise<unknown> {
  return page.evaluate('document.fonts.ready.then(() => true)');
}
