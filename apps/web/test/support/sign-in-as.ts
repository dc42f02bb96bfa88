import type { Page } from 'playwright-core';

/** Signs in through the dev chooser in a role without a municipality (有識者審査員, 総務省 担当官, 監査担当); the token's sub is `<role>-<name>`. */
export async function signInWithRole(
  page: Page,
  baseUrl: string,
  roleLabel: string,
  name: string,
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('heading', { name: 'サインイン' }).waitFor();
  await page.getByLabel(roleLabel).check();
  await page.getByLabel('氏名').fill(name);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.getByRole('navigation', { name: '業務メニュー' }).waitFor();
}
