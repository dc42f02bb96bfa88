import { cookies, focusedId, loadedFontFaces, sessionStorageItem } from './support/page-state';
import { checkScreen } from './support/screens';
import { useRunningSystem } from './support/running-system';

describe('Signing in (AUTH_MODE=dev), in a real browser', () => {
  const system = useRunningSystem('2025-06-02T10:00:00+09:00');

  it('opens on the Japanese sign-in page, refuses a malformed municipality code at its field, and signs a municipal officer of a municipality found by name in', async () => {
    const page = await system.newPage();
    await page.goto(`${system.baseUrl}/`);
    await page.getByRole('heading', { name: 'サインイン' }).waitFor();
    expect(await page.title()).toBe('ローカル10,000プロジェクト 申請システム');
    // The self-hosted Noto Sans JP (no system Japanese font on this machine) serves the page's kanji.
    const faces = await loadedFontFaces(page, 'Noto Sans JP', '申請');
    expect(faces).toBeGreaterThan(0);
    // A sentence breaks between phrases: システム is not split across the intro's two lines.
    // (A string, as the browser's DOM types are not the server's: see support/page-state.ts.)
    const wordLines = await page.evaluate<number>(`(() => {
      const intro = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes('審査システム'));
      const text = intro?.firstChild;
      if (!text?.textContent) return -1;
      const range = document.createRange();
      const start = text.textContent.indexOf('システム');
      range.setStart(text, start);
      range.setEnd(text, start + 'システム'.length);
      return range.getClientRects().length;
    })()`);
    expect(wordLines).toBe(1);
    await checkScreen(page, '01-sign-in');

    await page.getByLabel('自治体担当者').check();
    await page.getByLabel('氏名').fill('遠野 花子');
    await page.getByLabel('団体コード（全国地方公共団体コード）').fill('0320');
    await page.getByRole('button', { name: 'サインイン' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: /団体コード/ }).click();
    expect(await focusedId(page)).toBe('field-municipalityCode');
    // The same sentence in the summary as beside the field.
    const notACode = '団体コードは6桁の半角数字で入力してください（例：032077）。';
    expect(await page.locator('#field-municipalityCode-error').textContent()).toBe(notACode);
    expect(await summary.getByRole('link').allTextContents()).toEqual([notACode]);
    await checkScreen(page, '02-sign-in-error');

    // Six digits whose check digit is wrong (032077 is 久慈市): the API's refusal names the check digit.
    await page.getByLabel('団体コード（全国地方公共団体コード）').fill('032078');
    await page.getByRole('button', { name: 'サインイン' }).click();
    const badCheckDigit =
      '団体コードが正しくありません。6桁目（検査数字）まで確かめてください（例：032077）。';
    await page.locator('#field-municipalityCode-error').getByText(badCheckDigit).waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([badCheckDigit]);

    // Well formed, but no local government has it: the API's refusal says so, in both places.
    await page.getByLabel('団体コード（全国地方公共団体コード）').fill('999997');
    await page.getByRole('button', { name: 'サインイン' }).click();
    const unknown = '団体コードに該当する団体がありません。団体名で探すこともできます。';
    await page.locator('#field-municipalityCode-error').getByText(unknown).waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([unknown]);

    // The municipality by name, from the registry: 久慈 finds 岩手県 久慈市 (032077).
    await page.getByLabel('団体名で探す').fill('久慈');
    await page.getByLabel('岩手県 久慈市（032077）').check();
    expect(await page.getByLabel('団体コード（全国地方公共団体コード）').inputValue()).toBe('032077');

    // No answer from the server: said as such, not as a mistake in the form.
    await page.route('**/v1/auth/dev-tokens', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'サインイン' }).click();
    await summary.getByText(/^サーバーから応答がありませんでした/).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('氏名を入力してください');
    await page.unroute('**/v1/auth/dev-tokens');
    await page.getByRole('button', { name: 'サインイン' }).click();
    await page.getByRole('heading', { name: '申請一覧' }).waitFor();
    expect(await page.locator('.site-header__user').textContent()).toContain(
      '遠野 花子（自治体担当者・岩手県 久慈市 032077）',
    );
    expect(await cookies(page)).toBe('');
    expect(await sessionStorageItem(page, 'l10k.session')).toContain('"municipalityCode":"032077"');
    // An empty list says so in a sentence, and where to start.
    await page.getByText('まだ申請はありません。「新しい申請を作成」から始めてください。').waitFor();
    // Filtered to nothing, it says the filters are why, and how to see everything again.
    await page.getByLabel('状態').selectOption({ label: '採択' });
    await page.getByText(/^条件に合う申請はありません。状態や年度を「すべて」にすると/).waitFor();
    await page.getByLabel('状態').selectOption({ label: 'すべて' });
    await page.getByText('まだ申請はありません。「新しい申請を作成」から始めてください。').waitFor();
    await checkScreen(page, '03-my-applications-empty');
  });
});
