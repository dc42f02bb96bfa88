import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { fontsReady } from './page-state';
import { REPOSITORY_ROOT } from './web-build';
import { within } from './within';

export const SCREENS_DIR = join(REPOSITORY_ROOT, 'test-results', 'screens');

// checkScreen waits for the fonts itself, for at most 30 s. Playwright's screenshot would wait
// for them again, until its own timeout, and fail the screen when a font never arrives
// (microsoft/playwright#35972): the reviewer's lapsed-session screen did so once in CI.
process.env.PW_TEST_SCREENSHOT_NO_FONTS_READY = '1';

/**
 * Every screen a test reaches: a full-page screenshot for people to look at
 * (test-results/screens/<name>.png), and axe-core against WCAG 2.1 A/AA, which must find
 * nothing serious or critical.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  // The fonts, before the screenshot; a font that never arrives must not fail the screen's checks.
  await within(30, `${name}: the page's fonts`, fontsReady(page)).catch((error: Error) =>
    console.warn(error.message),
  );
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
  const { violations } = await within(
    60,
    `${name}: axe-core's analysis`,
    new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze(),
  );
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect({ screen: name, serious }).toEqual({ screen: name, serious: [] });
}
