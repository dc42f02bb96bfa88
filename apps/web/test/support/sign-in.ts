import type { Page } from 'playwright-core';

/** Signs in through the dev chooser as a municipal officer, as a person would. */
export async function signInAsMunicipality(
  page: Page,
  baseUrl: string,
  code = '032077',
  name = '遠野 花子',
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { name: 'サインイン' }).waitFor();
  await page.getByLabel('自治体担当者').check();
  await page.getByLabel('氏名').fill(name);
  await page.getByLabel('団体コード（全国地方公共団体コード）').fill(code);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.getByRole('heading', { name: '申請一覧' }).waitFor();
}
