import type { Browser } from 'playwright-core';
import { JAPANESE_USER, launchBrowser } from './support/browser';

/** The date input's fields as the accessibility tree lists them, in the order shown. */
async function dateFieldOrder(browser: Browser): Promise<string[]> {
  const context = await browser.newContext(JAPANESE_USER);
  try {
    const page = await context.newPage();
    await page.setContent(
      '<html lang="ja"><body><label for="d">完了予定日</label><input type="date" id="d"></body></html>',
    );
    const cdp = await context.newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string } }[];
    };
    return nodes
      .filter((node) => node.role?.value === 'spinbutton')
      .map((node) => /Year|Month|Day/.exec(node.name?.value ?? '')?.[0] ?? '?');
  } finally {
    await context.close();
  }
}

describe('the browser the browser suites drive', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('is a Japanese user’s: ja-JP, Japan time, and a date input ordered year, month, day', async () => {
    const context = await browser.newContext(JAPANESE_USER);
    const page = await context.newPage();
    // Strings, as the other browser specs pass them: this file is type-checked without the DOM's types.
    expect(
      await page.evaluate<{ language: string; timeZone: string }>(
        '({ language: navigator.language, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone })',
      ),
    ).toEqual({ language: 'ja-JP', timeZone: 'Asia/Tokyo' });
    await context.close();
    // Under the machine's C.UTF-8 this Chromium orders them month, day, year (mm/dd/yyyy).
    expect(await dateFieldOrder(browser)).toEqual(['Year', 'Month', 'Day']);
  });

  it('saves a download under its Japanese name (a locale glibc refused would make it "download")', async () => {
    const context = await browser.newContext({ ...JAPANESE_USER, acceptDownloads: true });
    const page = await context.newPage();
    await page.setContent('<html lang="ja"><body><a id="link">書類</a></body></html>');
    await page.evaluate(
      "const link = document.getElementById('link'); link.href = URL.createObjectURL(new Blob(['%PDF-1.4'])); link.download = '事業計画書.pdf';",
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#link')]);
    expect(download.suggestedFilename()).toBe('事業計画書.pdf');
    await context.close();
  });
});
