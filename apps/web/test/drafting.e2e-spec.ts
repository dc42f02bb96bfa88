import type { Page } from 'playwright-core';
import { completePlan } from '../../api/test/workflow-client';
import { setBudget } from './support/award-setup';
import { asksBeforeLeaving, focusedId } from './support/page-state';
import { readsOf, readsWhileHeld } from './support/reads-of';
import { checkScreen } from './support/screens';
import { useRunningSystem } from './support/running-system';
import { signInAsMunicipality } from './support/sign-in';

/*
 * One municipal officer's afternoon, task by task, on 2 June 2025 (Japan time): the June
 * round closes on 10 June at 23:59 and is decided by 22 July (deadline + 42 days).
 */
describe('Drafting and submitting an application, in a real browser', () => {
  const system = useRunningSystem('2025-06-02T14:00:00+09:00');
  let page: Page;
  let editUrl: string;

  beforeAll(async () => {
    page = await system.newPage();
    await signInAsMunicipality(page, system.baseUrl);
  });

  const field = (id: string) => page.locator(`#field-${id}`);
  const errorAt = (id: string) => page.locator(`#field-${id}-error`);

  it('drafts an application with a broken plan and watches each violation appear at its field', async () => {
    await page.getByRole('button', { name: '新しい申請を作成' }).click();
    await page.getByRole('heading', { name: '申請の作成' }).waitFor();
    editUrl = page.url();
    await page.getByLabel('事業名').fill('地元産ホップのクラフトビール醸造所');
    await page.getByLabel('事業の概要').fill('遠野産ホップを使った醸造所を新設し、観光客を呼び込む。');
    await page.getByLabel('条件不利地域（過疎、離島、半島、山村、豪雪地帯など）に該当する').check();
    await page.getByLabel('財政力指数').fill('0.21');
    await page.getByLabel('事業者名').fill('株式会社とおの醸造');
    await field('costs-0-amount').fill('60000000');
    await field('costs-0-description').fill('醸造所の改修');
    await field('funding-grant').fill('40,000,000');
    await field('funding-loan-amount').fill('20000000');
    await field('funding-loan-lenderType').selectOption('shinkin_bank');
    await field('funding-ownFunds').fill('0');

    await errorAt('funding-loan-amount')
      .getByText('融資額（又は出資額）は交付額以上にしてください。')
      .waitFor();
    expect(await errorAt('funding-grant').textContent()).toContain('上限を超えています');
    expect(await errorAt('funding-grant').textContent()).toContain('対象経費の2分の1以下');
    // Two sentences at one field read as Japanese does: no space between them.
    expect(await errorAt('funding-grant').textContent()).not.toMatch(/。 /);
    expect(await field('funding-grant').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('calc-cap').textContent()).toBe('25,000,000円（2,500万円）');
    // Two ceilings a municipality tells apart by what each depends on.
    expect(await page.getByTestId('calc-cap').locator('..').textContent()).toBe(
      '25,000,000円（2,500万円）（融資倍率に応じた上限）',
    );
    expect(await page.getByTestId('calc-max-grant').locator('..').textContent()).toMatch(
      /^[\d,]+円.*（この融資額と経費で受けられる最大の額）$/,
    );
    expect(await page.getByTestId('total-cost').textContent()).toBe('60,000,000円（6,000万円）');
    // The shares are worked out on the grant as typed, which cannot be given: the panel says both.
    expect(await page.getByTestId('calc-over-max').textContent()).toBe(
      '国費・特別交付税措置・自治体の実質負担は、入力された交付額（40,000,000円）で計算しています。この交付額は最大交付額（20,000,000円）を超えているため、このままでは交付できません。',
    );
    await checkScreen(page, '04-draft-with-violations');
  });

  it('fixes the plan with the largest-grant button: the grant the loan allows, own funds balancing the total', async () => {
    await page.getByRole('button', { name: '融資額から最大交付額を入れる' }).click();
    expect(await field('funding-grant').inputValue()).toBe('20,000,000');
    expect(await field('funding-ownFunds').inputValue()).toBe('20,000,000');
    // Only what is typed is checked here: the dates still empty are for the submission to ask.
    expect(await page.getByTestId('calc-ok').textContent()).toBe(
      '入力済みの内容に、交付要件への違反はありません。未入力の項目は提出時に確認します。',
    );
    expect(await errorAt('funding-grant').count()).toBe(0);
    expect(await errorAt('funding-loan-amount').count()).toBe(0);
    expect(await page.getByTestId('calc-over-max').count()).toBe(0);
    // 条件不利地域 with 財政力指数 0.21: 3/4 of 20,000,000, truncated to the thousand yen.
    expect(await page.getByTestId('calc-national-share').textContent()).toBe('15,000,000円（1,500万円）');
    await page
      .getByRole('complementary', { name: '交付額の試算' })
      .getByText('適用ルール：2025年度 交付要件（第1版）')
      .waitFor();
    await checkScreen(page, '05-draft-fixed-with-largest-grant');
  });

  it("offers first the lenders whose financing counts on the plan's track, and names its costs, as the year's rule set says", async () => {
    const group = (label: string) =>
      field('funding-loan-lenderType').locator(`optgroup[label="${label}"] option`).allTextContents();
    await field('funding-loan-lenderType').locator('optgroup').first().waitFor({ state: 'attached' });
    expect(await group('融資額に数えるもの')).toContain('信用金庫');
    expect(await group('融資額に数えないもの')).toEqual(
      expect.arrayContaining(['都市銀行', 'クラウドファンディング']),
    );

    expect(await page.getByTestId('eligible-costs').textContent()).toBe(
      '国庫補助事業の対象経費は、施設整備・改修費、機械装置費、備品費です。',
    );

    // The local track (地方単独事業) counts crowdfunding as its outside financing too, and more costs.
    await page.getByLabel('事業の区分').selectOption('local');
    expect(await page.getByTestId('eligible-costs').textContent()).toBe(
      '地方単独事業の対象経費は、施設整備・改修費、機械装置費、備品費、広告宣伝費、商品開発費です。',
    );
    expect(await group('融資額に数えるもの')).toEqual(
      expect.arrayContaining(['信用金庫', 'クラウドファンディング']),
    );
    expect(await group('融資額に数えないもの')).not.toContain('クラウドファンディング');
    expect(await page.locator('#field-funding-loan-amount-hint').textContent()).toBe(
      '融資、クラウドファンディング等による外部からの資金（0円より多く）が必要です。',
    );
    // Nor does it ask why a loan is secured (no loan_unsecured warning there).
    const securedReason = page.locator('label[for="field-funding-loan-securedReason"]');
    await page.getByLabel('担保・保証を付ける').check();
    expect(await securedReason.textContent()).toBe('担保・保証が必要な理由任意');
    await page.getByLabel('事業の区分').selectOption('national');
    expect(await group('融資額に数えるもの')).not.toContain('クラウドファンディング');
    expect(await securedReason.textContent()).toBe('担保・保証が必要な理由必須');
    expect(await page.locator('#field-funding-loan-amount-hint').textContent()).toBe(
      '交付額以上の、地域金融機関等による無担保・無保証の融資が原則です。',
    );
    await page.getByLabel('担保・保証を付ける').uncheck();
    expect(await field('funding-loan-lenderType').inputValue()).toBe('shinkin_bank');
  });

  it('says beside a field typed so that it cannot be saved, and saves it once typed right, full-width digits too', async () => {
    await page.getByLabel('法人番号').fill('12345');
    await errorAt('business-corporateNumber')
      .getByText('法人番号は13桁の数字で入力してください。13桁になるまで、この欄は保存されません。')
      .waitFor();
    expect(await field('business-corporateNumber').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('法人番号').fill('１２３４５６７８９０１２３');
    await errorAt('business-corporateNumber').waitFor({ state: 'detached' });
    await page.getByTestId('save-state').getByText('保存済み 14:00').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '申請の作成' }).waitFor();
    expect(await page.getByLabel('法人番号').inputValue()).toBe('1234567890123');
  });

  it('autosaves the draft: a reload mid-edit, and another browser, find the text typed', async () => {
    await page
      .getByLabel('事業の概要')
      .fill('遠野産ホップを使った醸造所を新設し、観光客を呼び込む。地元の農家と契約栽培する。');
    await page.getByTestId('save-state').getByText('保存済み 14:00').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '申請の作成' }).waitFor();
    expect(await page.getByLabel('事業の概要').inputValue()).toBe(
      '遠野産ホップを使った醸造所を新設し、観光客を呼び込む。地元の農家と契約栽培する。',
    );

    const elsewhere = await system.newPage();
    await signInAsMunicipality(elsewhere, system.baseUrl);
    await elsewhere.goto(editUrl);
    await elsewhere.getByRole('heading', { name: '申請の作成' }).waitFor();
    expect(await elsewhere.getByLabel('事業の概要').inputValue()).toContain('地元の農家と契約栽培する。');
    expect(await elsewhere.locator('#field-funding-grant').inputValue()).toBe('20,000,000');
    await elsewhere.context().close();
  });

  it('saves what was typed the moment before leaving for the documents, which the autosave had not yet waited out', async () => {
    const summary =
      '遠野産ホップを使った醸造所を新設し、観光客を呼び込む。地元の農家と契約栽培し、醸造体験も開く。';
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'PUT' && response.url().endsWith('/plan'),
      { timeout: 10_000 },
    );
    await page.getByLabel('事業の概要').fill(summary);
    await page.getByRole('link', { name: '申請の詳細画面の「添付書類」' }).click();
    const answer = await saved;
    expect(answer.status()).toBe(200);
    await page.goto(editUrl);
    await page.getByRole('heading', { name: '申請の作成' }).waitFor();
    expect(await page.getByLabel('事業の概要').inputValue()).toBe(summary);
  });

  it('asks before the tab is closed while typing is not yet saved, and closes without asking once it is', async () => {
    const summary = '遠野産ホップを使った醸造所を新設し、ホップ畑の見学も受け入れる。';
    const tab = await system.newPage();
    await signInAsMunicipality(tab, system.baseUrl);
    await tab.goto(editUrl);
    await tab.getByRole('heading', { name: '申請の作成' }).waitFor();
    const asked: string[] = [];
    tab.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    const saved = tab.waitForResponse(
      (response) => response.request().method() === 'PUT' && response.url().endsWith('/plan'),
      { timeout: 10_000 },
    );
    // A click first: the browser asks only on a page the person has interacted with.
    await tab.getByLabel('事業の概要').click();
    await tab.getByLabel('事業の概要').fill(summary);
    await asksBeforeLeaving(tab);
    const dialogShown = tab.waitForEvent('dialog');
    await tab.close({ runBeforeUnload: true });
    await dialogShown;
    expect(asked).toEqual(['beforeunload']);
    // Staying on the page (the dialog dismissed), the autosave goes on and saves it.
    expect((await saved).status()).toBe(200);
    await tab
      .getByTestId('save-state')
      .getByText(/^保存済み/)
      .waitFor();
    const closed = tab.waitForEvent('close');
    await tab.close({ runBeforeUnload: true });
    await closed;
    expect(asked).toEqual(['beforeunload']);
    await page.reload();
    await page.getByRole('heading', { name: '申請の作成' }).waitFor();
    expect(await page.getByLabel('事業の概要').inputValue()).toBe(summary);
  });

  it('saves the draft by itself once the connection is back, after a save that got no answer', async () => {
    await page.route('**/v1/applications/*/plan', (route) => route.abort('internetdisconnected'));
    await page.getByLabel('事業者名').fill('株式会社とおの醸造所');
    const failure = page.getByRole('alert').filter({ hasText: '自動保存できませんでした' });
    await failure.getByText('サーバーから応答がありませんでした').waitFor();
    expect(await page.getByTestId('save-state').textContent()).toBe('未保存の変更があります');
    await page.unroute('**/v1/applications/*/plan');

    // Nothing typed since: the next try (5 s later) saves it.
    await failure.waitFor({ state: 'hidden', timeout: 20_000 });
    await page.getByTestId('save-state').getByText('保存済み 14:00').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '申請の作成' }).waitFor();
    expect(await page.getByLabel('事業者名').inputValue()).toBe('株式会社とおの醸造所');
  });

  it('says so when the submission gets no answer, as when the connection drops, and lets the officer send again', async () => {
    await page.route('**/v1/applications/*/submit', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: '提出する…' }).click();
    await page
      .getByRole('dialog', { name: 'この内容で提出しますか' })
      .getByRole('button', { name: '提出する' })
      .click();

    await page.getByRole('alert').filter({ hasText: 'サーバーから応答がありませんでした' }).waitFor();
    expect(await page.getByRole('button', { name: '提出する…' }).isEnabled()).toBe(true);
    expect(await page.getByRole('heading', { name: '申請の作成' }).isVisible()).toBe(true);
    await page.unroute('**/v1/applications/*/submit');
    // What a reload shows once the connection is back: the draft as saved, no message.
    await page.reload();
    await page.getByRole('heading', { name: '申請の作成' }).waitFor();
  });

  it('submits after confirming the round it joins, its deadline and the decision due date', async () => {
    await page.getByLabel('事業開始日').fill('2025-07-01');
    await page.getByLabel('事業完了日').fill('2026-03-31');
    await page.getByRole('button', { name: '提出する…' }).click();
    const dialog = page.getByRole('dialog', { name: 'この内容で提出しますか' });
    const round = dialog.getByTestId('submit-round');
    await round.getByText('2025年6月締切回').waitFor();
    // The deadline is labelled 締切 once and gives the Western year, as the decision date does.
    expect(await round.textContent()).toContain('締切令和7年6月10日(火) 23:59（2025年6月10日）');
    expect(await round.textContent()).toContain('令和7年7月22日(火)（2025年7月22日）');
    // The panel behind the dialog shows its figures, not 計算しています…, in the screenshot.
    await page.locator('.calc-panel p.muted').filter({ hasText: '適用ルール' }).waitFor();
    await checkScreen(page, '06-submit-confirmation');

    // The connection drops after the API took the submission: the officer sees no answer and
    // sends again, which the API answers as the first (same Idempotency-Key), not as stale.
    let taken = 0;
    await page.route('**/v1/applications/*/submit', async (route) => {
      await route.fetch();
      taken += 1;
      await route.abort('internetdisconnected');
    });
    await dialog.getByRole('button', { name: '提出する' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('alert').filter({ hasText: 'サーバーから応答がありませんでした' }).waitFor();
    expect(taken).toBe(1);
    expect(await page.getByRole('heading', { name: '申請の作成' }).isVisible()).toBe(true);
    await page.unroute('**/v1/applications/*/submit');
    await page.getByRole('button', { name: '提出する…' }).click();
    await dialog.getByRole('button', { name: '提出する' }).click();
    await page.getByTestId('status').getByText('提出済み').waitFor();
    expect(await page.getByTestId('round').textContent()).toBe('2025年6月締切回');
    expect(await page.getByTestId('decision-due').textContent()).toBe('令和7年7月22日(火)（2025年7月22日）');
    // When it was taken, in Japan time: the municipality's proof that it came before the deadline.
    expect(await page.getByTestId('submitted-at').textContent()).toBe('2025/06/02 14:00:00');
    // The ID to quote to the Ministry is the application's own, as its address has it.
    const shownId = await page.getByTestId('application-id').textContent();
    expect(shownId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new URL(page.url()).pathname).toBe(`/applications/${shownId}`);
    await checkScreen(page, '07-submitted');

    const roundReads = readsOf(page, /^\/v1\/rounds\/\d{4}-\d{2}$/);
    await page.getByRole('link', { name: '← 申請一覧' }).click();
    const row = page.getByRole('row', { name: /地元産ホップのクラフトビール醸造所/ });
    await row.getByText('提出済み').waitFor();
    expect(await row.textContent()).toContain('20,000,000円');
    expect(await row.textContent()).toContain('2,000万円');
    expect(await row.textContent()).toContain('15,000,000円');
    // The national share reads in 万円 too, as the grant beside it does.
    expect(await row.textContent()).toContain('1,500万円');
    // The round's deadline comes with the row: no round is asked for line by line.
    expect(await row.textContent()).toContain('あと8日');
    expect(roundReads.stop()).toEqual([]);
    // The deadline reads on one line: its weekday and time are not carried to the next.
    const deadline = row.getByTestId('deadline-in-list');
    expect(await deadline.textContent()).toBe('令和7年6月10日(火) 23:59');
    expect(await deadline.evaluate((shown) => shown.getClientRects().length)).toBe(1);
    await checkScreen(page, '08-my-applications');
  });

  it('refuses to submit an incomplete plan, naming every missing field at the top and beside the field', async () => {
    await page.getByRole('button', { name: '新しい申請を作成' }).click();
    await page.getByRole('heading', { name: '申請の作成' }).waitFor();
    await page.getByLabel('事業名').fill('空き家を改修した交流拠点');
    await page.getByRole('button', { name: '提出する…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提出する' }).click();

    const summary = page.getByRole('alert').filter({ hasText: '提出できません' });
    await summary.waitFor();
    await summary.getByRole('link', { name: /事業の概要/ }).click();
    expect(await focusedId(page)).toBe('field-summary');
    expect(await errorAt('summary').textContent()).toContain('「事業の概要」を入力してください');
    expect(await summary.getByRole('link').count()).toBeGreaterThan(3);
    // In the order of the form (事業の概要 comes first, 事業者名 further down), not the API's.
    const named = await summary.getByRole('link').allTextContents();
    expect(named[0]).toContain('「事業の概要」');
    expect(named.findIndex((line) => line.includes('「事業者名」'))).toBeGreaterThan(
      named.findIndex((line) => line.includes('「財政力指数」')),
    );
    expect(named).toContain('「金融機関の種類」を選んでください（提出に必要です）。');
    await checkScreen(page, '09-submit-refused');
  });

  it('shows a refusal beside whichever field it names, the optional fields too', async () => {
    await page.getByLabel('担保・保証を付ける').check();
    // No rule today refuses these fields; a refusal the API may give for them must still land beside them.
    const refused = [
      {
        field: 'funding.loan.form',
        rule: 'is_in',
        id: 'funding-loan-form',
        says: 'を選択肢から選んでください',
      },
      {
        field: 'funding.loan.lenderName',
        rule: 'max_length',
        id: 'funding-loan-lenderName',
        says: 'が長すぎます',
      },
      {
        field: 'funding.loan.securedReason',
        rule: 'max_length',
        id: 'funding-loan-securedReason',
        says: 'が長すぎます',
      },
      {
        field: 'schedule.extendedCompletionReason',
        rule: 'max_length',
        id: 'schedule-extendedCompletionReason',
        says: 'が長すぎます',
      },
    ];
    await page.route('**/v1/applications/*/submit', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Unprocessable Entity',
          status: 422,
          errors: refused.map(({ field, rule }) => ({ field, rule, message: '' })),
        }),
      }),
    );
    await page.getByRole('button', { name: '提出する…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提出する' }).click();
    await errorAt(refused[0].id).waitFor();
    await page.unrouteAll();
    for (const { id, says } of refused) {
      expect(await errorAt(id).textContent()).toContain(says);
      expect(await field(id).getAttribute('aria-invalid')).toBe('true');
      expect(await field(id).getAttribute('aria-describedby')).toContain(`field-${id}-error`);
    }
  });

  it('asks to sign in again when the session lapses mid-edit, and keeps what was typed', async () => {
    await page.getByRole('link', { name: '← 申請一覧' }).click();
    await page.getByRole('button', { name: '新しい申請を作成' }).click();
    await page.getByRole('heading', { name: '申請の作成' }).waitFor();
    // From here the officer's saves carry an expired token, as after a long lunch: the real API answers 401.
    const expired = await system.expiredToken('municipality-032077', 'municipality', '032077');
    await page.route('**/v1/applications/*/plan', (route) =>
      route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${expired}` } }),
    );
    await page.getByLabel('事業名').fill('道の駅に併設する地元食材の加工場');
    const dialog = page.getByRole('dialog', { name: 'もう一度サインインしてください' });
    await dialog.waitFor();
    await checkScreen(page, '15-session-lapsed');
    await page.unrouteAll();

    expect(await dialog.getByLabel('団体コード（全国地方公共団体コード）').inputValue()).toBe('032077');
    await dialog.getByRole('button', { name: 'サインイン' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('save-state').getByText('保存済み 14:00').waitFor();
    expect(await page.getByLabel('事業名').inputValue()).toBe('道の駅に併設する地元食材の加工場');
    await page.reload();
    await page.getByRole('heading', { name: '申請の作成' }).waitFor();
    expect(await page.getByLabel('事業名').inputValue()).toBe('道の駅に併設する地元食材の加工場');
  });

  it('opens the one draft the first click made when its answer was lost, and a double click makes one draft', async () => {
    await page.getByRole('link', { name: '← 申請一覧' }).click();
    const create = page.getByRole('button', { name: '新しい申請を作成' });
    await create.waitFor();
    // The API makes the draft, but its answer never reaches the browser.
    let made: string | undefined;
    await page.route(`${system.baseUrl}/v1/applications`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      made = ((await (await route.fetch()).json()) as { id: string }).id;
      await route.abort('internetdisconnected');
    });
    await create.click();
    await page.getByRole('alert').filter({ hasText: 'サーバーから応答がありませんでした' }).waitFor();
    expect(made).toBeDefined();
    await page.unroute(`${system.baseUrl}/v1/applications`);
    const answered: string[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && response.url() === `${system.baseUrl}/v1/applications`)
        void response.json().then((body: { id: string }) => answered.push(body.id));
    });
    await create.dblclick();
    await page.getByRole('heading', { name: '申請の作成' }).waitFor();
    expect(page.url()).toBe(`${system.baseUrl}/applications/${made}/edit`);
    // One request for the double click, sent with the first click's key: answered with the draft it made.
    expect(answered).toEqual([made]);
  });

  it('submits again once intake reopens: the earlier refusal is not replayed as the answer to the same click', async () => {
    const created = await system
      .as('municipality-032077', 'municipality', '032077')
      .post('/v1/applications', {
        plan: { ...completePlan(), projectTitle: '締切後に再開した募集への申請' },
      });
    await setBudget(system, 2025, 1_000_000_000, false);
    // What the editor shows besides the plan is asked for while the application is still on its way:
    // the round a submission now joins, its rules and the signed-in government.
    const application = `${system.baseUrl}/v1/applications/${String(created.id)}`;
    const asked = await readsWhileHeld(
      page,
      application,
      /^\/v1\/(rounds\/for-instant|rule-sets\/[^/]+|municipalities\/\d{6})$/,
      3,
      () => page.goto(`${application.replace('/v1/applications/', '/applications/')}/edit`),
    );
    expect(asked).toEqual(['/v1/municipalities/032077', '/v1/rounds/for-instant', '/v1/rule-sets/FY2025-v1']);
    await page.getByRole('heading', { name: '申請の作成' }).waitFor();
    await page.unroute(application);
    const dialog = page.getByRole('dialog');
    await page.getByRole('button', { name: '提出する…' }).click();
    await dialog.getByRole('button', { name: '提出する' }).click();
    await page.getByRole('alert').getByText('この年度の募集は締め切られています。').waitFor();

    await setBudget(system, 2025, 1_000_000_000, true);
    await page.getByRole('button', { name: '提出する…' }).click();
    await dialog.getByRole('button', { name: '提出する' }).click();
    await page.getByTestId('status').getByText('提出済み').waitFor();
  });

  it('offers only 国庫補助事業 in FY2023, before the local track began, and to a prefecture; both tracks to a 市町村 in FY2025', async () => {
    const startedAt = system.clock.now().toISOString();
    system.clock.set('2023-09-01T10:00:00+09:00');
    try {
      const then = await system.newPage();
      await signInAsMunicipality(then, system.baseUrl);
      await then.getByRole('button', { name: '新しい申請を作成' }).click();
      await then.getByRole('heading', { name: '申請の作成' }).waitFor();
      const tracks = then.getByLabel('事業の区分').locator('option');
      // Both until the year's rule set is read, then the national track alone.
      await then
        .locator('#field-track option[value="local"]')
        .waitFor({ state: 'detached', timeout: 10_000 });
      expect(await tracks.allTextContents()).toEqual(['国庫補助事業']);
      await then.close();
    } finally {
      system.clock.set(startedAt);
    }
    // A prefecture (岩手県) is offered the national track alone: 地方単独事業 is for 市町村.
    const prefecture = await system.newPage();
    await signInAsMunicipality(prefecture, system.baseUrl, '030007', '岩手 県子');
    await prefecture.getByRole('button', { name: '新しい申請を作成' }).click();
    await prefecture.getByRole('heading', { name: '申請の作成' }).waitFor();
    await prefecture
      .locator('#field-track option[value="local"]')
      .waitFor({ state: 'detached', timeout: 10_000 });
    expect(await prefecture.getByLabel('事業の区分').locator('option').allTextContents()).toEqual([
      '国庫補助事業',
    ]);
    await prefecture.close();

    await page.goto(`${system.baseUrl}/applications`);
    await page.getByRole('button', { name: '新しい申請を作成' }).click();
    await page.getByRole('heading', { name: '申請の作成' }).waitFor();
    await page.getByTestId('eligible-costs').waitFor();
    expect(await page.getByLabel('事業の区分').locator('option').allTextContents()).toEqual([
      '国庫補助事業',
      '地方単独事業',
    ]);
  });
});
