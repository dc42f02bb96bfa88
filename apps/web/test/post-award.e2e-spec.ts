import { createHash } from 'node:crypto';
import type { Page, Request } from 'playwright-core';
import {
  adoptedApplication,
  municipalityOf,
  openBudget,
  pdfBytes,
  programOfficerOf,
  readSideShows,
  signInAsProgramOfficer,
  uploadThroughApi,
} from './support/award-setup';
import { holdBack, readsOf, readsOfApplications } from './support/reads-of';
import { asksBeforeLeaving } from './support/page-state';
import { checkScreen } from './support/screens';
import { useRunningSystem } from './support/running-system';
import { signInAsMunicipality } from './support/sign-in';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The award's steps as a screen reader hears them, and the one marked as where it stands. */
async function stepsShown(page: Page): Promise<{ steps: string[]; current: string | null }> {
  const list = page.getByRole('list', { name: '採択後の手続の進み具合' });
  const current = list.locator('[aria-current="step"]');
  return {
    steps: await list.getByRole('listitem').allTextContents(),
    current: (await current.count()) > 0 ? await current.textContent() : null,
  };
}

// Each test walks a whole task through two browsers and axe; a shared two-core machine can be slow.
jest.setTimeout(180_000);

/**
 * One award from adoption to payment, each step taken in the browser by the person whose step
 * it is: the municipality's officer (032077) and the programme officer, with the API's clock
 * and both browsers' clocks moved together through the fiscal year.
 */
describe('After adoption: the grant application, decision, plan change, performance report, amount determination and payment, in a real browser', () => {
  const system = useRunningSystem('2025-06-02T10:00:00+09:00');
  let municipality: Page;
  let officer: Page;
  let id: string;
  let late: string;
  const grantApplicationPdf = pdfBytes(48_000, 3);
  const reportPdf = pdfBytes(52_000, 4);

  async function timeIs(iso: string): Promise<void> {
    system.clock.set(iso);
    await municipality.clock.setFixedTime(new Date(iso));
    await officer.clock.setFixedTime(new Date(iso));
  }

  beforeAll(async () => {
    municipality = await system.newPage();
    officer = await system.newPage();
    await openBudget(system, 2025, 100_000_000);
    await timeIs('2025-07-15T10:00:00+09:00');
    id = await adoptedApplication(system, '地元産ホップのクラフトビール醸造所');
    late = await adoptedApplication(system, '廃校を活用したサテライトオフィス');
    await uploadThroughApi(system, id, '交付申請書.pdf', grantApplicationPdf, 'grant_application');
    await readSideShows(system, id, 'adopted');
    await signInAsMunicipality(municipality, system.baseUrl);
    await signInAsProgramOfficer(officer, system.baseUrl);
  });

  it('the municipality sees the adoption and its due date, and files the grant application with its document', async () => {
    await timeIs('2025-08-01T10:00:00+09:00');
    const ledgerReads: URL[] = [];
    const noteLedgerRead = (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname === '/v1/awards') ledgerReads.push(url);
    };
    municipality.on('request', noteLedgerRead);
    const applicationReads = readsOfApplications(municipality);
    await municipality.goto(`${system.baseUrl}/applications/${id}`);
    const section = municipality.getByTestId('post-award');
    await section.getByTestId('award-status').getByText('採択').waitFor();
    // The days left come from the award ledger, read beside the application: wait for them.
    await section.getByTestId('award-due-dates').getByText('（あと13日）').waitFor();
    municipality.off('request', noteLedgerRead);
    // The section after adoption shows the application the screen read: it is asked for once.
    expect(applicationReads.stop()).toEqual([`/v1/applications/${id}`]);
    // The ledger is asked for this application's row, not paged through for it.
    expect(ledgerReads.length).toBeGreaterThan(0);
    for (const read of ledgerReads)
      expect(Object.fromEntries(read.searchParams)).toEqual({ applicationId: id });
    expect(await section.getByTestId('award-due-dates').textContent()).toContain(
      '令和7年8月14日(木)（2025年8月14日）（あと13日）',
    );
    // The adoption says when it was decided (the API's clock stood at 2025-07-15 10:00 then).
    expect(await municipality.locator('main').textContent()).toContain('決定日時：2025/07/15 10:00');
    await checkScreen(municipality, '70-post-award-adopted');

    const ledgerReadsOfTheStep = readsOf(municipality, /^\/v1\/awards$/);
    // The documents to choose from come with the application's answer: with the read of the
    // latest uploads held back, they are offered all the same.
    const releaseDocuments = await holdBack(municipality, (url) => url.pathname.endsWith('/documents'));
    await section.getByRole('link', { name: '交付申請を行う' }).click();
    await municipality.getByRole('heading', { name: '交付申請' }).waitFor();
    await municipality.getByLabel(/交付申請書\.pdf/).waitFor();
    releaseDocuments();
    expect(await municipality.getByTestId('approved-grant').textContent()).toBe('30,000,000円（3,000万円）');
    // The grant application shows no due date of the ledger's: the ledger is not asked for.
    expect(ledgerReadsOfTheStep.stop()).toEqual([]);
    await municipality.getByLabel('交付申請額').fill('30,000,001');
    await municipality.getByRole('button', { name: '交付申請を提出する' }).click();
    await municipality
      .locator('#field-amount-error')
      .getByText('交付申請額は採択額以下にしてください。')
      .waitFor();
    await municipality
      .getByRole('alert')
      .getByRole('link', { name: /交付申請額は採択額以下/ })
      .waitFor();
    await checkScreen(municipality, '71-grant-application-refused');

    // Typed key by key, as a person does: the summary took focus when it appeared, and must not
    // take it back at every keystroke that redraws the form.
    const amount = municipality.getByLabel('交付申請額');
    await amount.fill('');
    await amount.pressSequentially('30000000');
    expect(await amount.inputValue()).toBe('30000000');
    expect(await amount.evaluate((input) => input.ownerDocument.activeElement === input)).toBe(true);
    // Leaving the field shows the amount as every prefilled amount shows, with separators.
    await amount.blur();
    expect(await amount.inputValue()).toBe('30,000,000');
    await municipality.getByLabel(/交付申請書\.pdf/).check();
    await municipality.getByRole('button', { name: '交付申請を提出する' }).click();
    await municipality.getByTestId('post-award-done').getByText('交付申請を提出しました。').waitFor();
    await municipality.getByTestId('award-status').getByText('交付申請済み').waitFor();
    expect(await municipality.getByTestId('figure-applied').textContent()).toBe('30,000,000円（3,000万円）');
    await municipality
      .getByTestId('next-step')
      .getByText('担当官の交付決定を待っています。', { exact: true })
      .waitFor();
    // The receipt's shortened hash in the narrow 備考 stays on one line, 「SHA-256 7f8db9ebfcf8…）」 whole.
    const shortHash = municipality.getByTestId('award-progress').getByTestId('short-hash');
    expect(await shortHash.textContent()).toMatch(/^SHA-256 [0-9a-f]{12}…）$/);
    expect(await shortHash.evaluate((hash) => hash.getClientRects().length)).toBe(1);
    await checkScreen(municipality, '72-grant-applied');

    const answer = await municipalityOf(system).get(`/v1/applications/${id}`);
    expect(
      (answer.award as { grantApplication: { documents: unknown[] } }).grantApplication.documents,
    ).toEqual([
      { name: '交付申請書.pdf', sha256: sha256(grantApplicationPdf), size: grantApplicationPdf.length },
    ]);
  });

  it('the programme officer finds it on the award ledger and decides the grant at a lower figure', async () => {
    await timeIs('2025-08-20T10:00:00+09:00');
    await readSideShows(system, id, 'grant_applied');
    const applicationReads = readsOfApplications(officer);
    await officer.goto(`${system.baseUrl}/awards`);
    const row = officer.getByRole('row', { name: /地元産ホップのクラフトビール醸造所/ });
    await row.getByText('交付申請済み').waitFor();
    // Each line names its project from the ledger's own answer: no request per line for it.
    expect(applicationReads.stop()).toEqual([]);
    // No due date runs now: what it waits on is the officer's own 交付決定.
    expect(await row.getByTestId('officer-step').textContent()).toBe('担当官の対応待ち（交付決定）');
    // Nothing is paid yet: a dash, not 0円 (which would read as a payment of nothing).
    expect(await row.getByTestId('paid').textContent()).toBe('—');
    await officer
      .getByRole('row', { name: /廃校を活用したサテライトオフィス/ })
      .getByText('6日超過')
      .waitFor();
    await checkScreen(officer, '73-awards-ledger');

    await row.getByRole('link', { name: '地元産ホップのクラフトビール醸造所' }).click();
    await officer.getByRole('heading', { name: '交付決定', exact: true }).waitFor();
    await officer.getByLabel('交付決定額').fill('28,000,000');
    await officer.getByRole('button', { name: '交付決定する' }).click();
    await officer.locator('#field-conditions-error').getByText('交付の条件を入力してください。').waitFor();
    await officer.getByLabel('交付の条件').fill('交付要綱に従うこと');
    await officer.getByRole('button', { name: '交付決定する' }).click();
    await officer.getByTestId('award-done').getByText('交付を決定しました。').waitFor();
    expect(await officer.getByTestId('figure-decided').textContent()).toBe('28,000,000円（2,800万円）');
    // Each step says when it was taken, in its own column (the 備考 keeps the conditions).
    expect(await officer.getByTestId('decided-at').textContent()).toBe('2025/08/20 10:00');
    expect(await officer.getByTestId('award-progress').textContent()).toContain('21,000,000円');
    // The decision is done; the municipality's performance report is what is awaited now.
    expect((await stepsShown(officer)).current).toBe('実績報告（現在の手続）');
    expect((await stepsShown(officer)).steps.slice(0, 3)).toEqual([
      '採択（済み）',
      '交付申請（済み）',
      '交付決定（済み）',
    ]);
    await checkScreen(officer, '74-grant-decided');
  });

  it('the municipality asks for a material plan change, which waits for approval, and the officer approves it', async () => {
    await timeIs('2025-10-01T10:00:00+09:00');
    await readSideShows(system, id, 'grant_decided');
    await municipality.goto(`${system.baseUrl}/applications/${id}`);
    await municipality.getByTestId('award-status').getByText('交付決定').waitFor();
    await municipality.getByRole('link', { name: '計画変更を申請する' }).click();
    await municipality.getByRole('heading', { name: '計画変更の申請' }).waitFor();
    // The limit reads as one figure, not a bracket inside a bracket.
    await municipality.getByText('交付額は交付決定額の28,000,000円（2,800万円）を超えられません。').waitFor();
    await municipality.getByRole('button', { name: '経費の行を追加' }).click();
    await municipality.locator('#field-costs-1-category').selectOption('machinery');
    await municipality.locator('#field-costs-1-amount').fill('5,000,000');
    await municipality.locator('#field-funding-ownFunds').fill('15,000,000');
    await municipality.getByRole('button', { name: '計画変更を申請する' }).click();
    await municipality
      .locator('#field-change-reason-error')
      .getByText('変更の理由を入力してください。')
      .waitFor();
    await municipality.getByLabel('変更の理由').fill('醸造設備の追加');
    await municipality.getByRole('button', { name: '計画変更を申請する' }).click();
    await municipality
      .locator('#field-funding-grant-error')
      .getByText('計画変更で交付額を交付決定額より増やすことはできません。')
      .waitFor();
    // Only the decided grant's limit is broken, not a requirement of the programme: the usual heading.
    expect(await municipality.getByRole('alert').getByRole('heading').textContent()).toBe(
      '入力内容を確認してください',
    );
    await checkScreen(municipality, '75-plan-change-refused');

    await municipality.locator('#field-funding-grant').fill('28,000,000');
    await municipality.locator('#field-funding-ownFunds').fill('17,000,000');
    await municipality.getByRole('button', { name: '計画変更を申請する' }).click();
    await municipality.getByTestId('post-award-done').getByText('計画変更を申請しました。').waitFor();
    await municipality.getByTestId('award-status').getByText('計画変更申請中').waitFor();
    expect(await municipality.getByTestId('change-outcome').textContent()).toBe('承認待ち');
    await checkScreen(municipality, '76-plan-change-requested');

    await readSideShows(system, id, 'change_requested');
    await officer.goto(`${system.baseUrl}/awards/${id}`);
    await officer.getByRole('heading', { name: '計画変更の承認' }).waitFor();
    expect(await officer.getByRole('article').textContent()).toContain('経費区分の金額が20%を超えて変わる');
    // The lines add up: the whole cost before and after, and the difference the officer approves.
    expect(await officer.getByTestId('cost-moves-total').getByRole('cell').allTextContents()).toEqual([
      '90,000,000円',
      '95,000,000円',
      '増額 5,000,000円',
    ]);
    // And how the 95,000,000 is to be met, and by when: 28,000,000 + 50,000,000 + 17,000,000,
    // beside the plan in force, its 交付額 the decided grant; the 2,000,000 decided below the
    // plan's 30,000,000 is met from own funds, so 変更前 adds up to the 90,000,000 before.
    const funding = officer.getByTestId('asked-funding').getByRole('row');
    const line = async (name: string) =>
      funding
        .filter({ has: officer.getByRole('rowheader', { name }) })
        .getByRole('cell')
        .allTextContents();
    expect(await line('交付額')).toEqual(['28,000,000円', '28,000,000円', '変更なし']);
    expect(await line('融資額（又は出資額）')).toEqual(['50,000,000円', '50,000,000円', '変更なし']);
    expect(await line('自己資金')).toEqual(['12,000,000円', '17,000,000円', '増額 5,000,000円']);
    expect(await line('事業完了日')).toEqual([
      expect.stringMatching(/^令和\d+年\d+月\d+日/),
      expect.stringMatching(/^令和\d+年\d+月\d+日/),
      '変更なし',
    ]);
    await officer.getByLabel('承認する', { exact: true }).check();
    await officer.getByLabel('理由').fill('醸造設備の追加は事業目的に沿う。');
    await checkScreen(officer, '77-plan-change-approval');
    await officer.getByRole('button', { name: '決定する' }).click();
    await officer.getByTestId('award-done').getByText('計画変更を承認しました。').waitFor();
    await officer.getByTestId('award-status').getByText('交付決定').waitFor();
    // The municipality is owed the officer's reason, beside the change it answers.
    expect(await officer.getByTestId('change-decision').textContent()).toBe(
      '承認の理由：醸造設備の追加は事業目的に沿う。（2025/10/01 10:00 決定）',
    );
  });

  it('asks before a tab with a plan change typed and not sent is closed; leaving it within the app does not ask', async () => {
    const tab = await system.newPage();
    await signInAsMunicipality(tab, system.baseUrl);
    await tab.goto(`${system.baseUrl}/applications/${id}/plan-change`);
    await tab.getByRole('heading', { name: '計画変更の申請' }).waitFor();
    const asked: string[] = [];
    tab.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    // Opened and left untouched, the tab closes without asking; here a reason is typed.
    await tab.getByLabel('変更の理由').click();
    await tab.getByLabel('変更の理由').fill('販路の見直し');
    await asksBeforeLeaving(tab);
    const dialogShown = tab.waitForEvent('dialog');
    await tab.close({ runBeforeUnload: true });
    await dialogShown;
    expect(asked).toEqual(['beforeunload']);
    await tab.getByRole('link', { name: '← 申請の詳細' }).click();
    await tab.getByTestId('award-status').waitFor();
    const closed = tab.waitForEvent('close');
    await tab.close({ runBeforeUnload: true });
    await closed;
    expect(asked).toEqual(['beforeunload']);
  });

  it('the municipality files the performance report with its actual costs, before its due date', async () => {
    await timeIs('2026-04-05T10:00:00+09:00');
    await readSideShows(system, id, 'grant_decided');
    await uploadThroughApi(system, id, '実績報告書.pdf', reportPdf, 'performance_report');
    await municipality.goto(`${system.baseUrl}/applications/${id}`);
    await municipality.getByRole('link', { name: '実績報告を行う' }).click();
    await municipality.getByRole('heading', { name: '実績報告' }).waitFor();
    await municipality
      .getByTestId('report-due')
      .getByText('令和8年4月10日(金)（2026年4月10日）（あと5日）')
      .waitFor();
    await municipality.locator('#field-actualCosts-0-amount').fill('45,000,000');
    await municipality.getByLabel('融資額（又は出資額）の実績').fill('40,000,000');
    await municipality.getByLabel('自己資金の実績').fill('');
    await municipality.getByRole('button', { name: '実績報告を提出する' }).click();
    await municipality
      .locator('#field-actual-own-funds-error')
      .getByText('自己資金の実績を入力してください（0円の場合は「0」）。', { exact: true })
      .waitFor();
    await checkScreen(municipality, '78-performance-report');
    await municipality.getByLabel('自己資金の実績').fill('0');
    // 40,000,000 drawn + 0 own funds + 28,000,000 paid to the business, against 50,000,000 spent: said, not refused.
    expect(await municipality.getByTestId('financing-mismatch').locator('p').allTextContents()).toEqual([
      '資金の実績の合計（68,000,000円）が実績の総事業費（50,000,000円）と一致しません（資金が18,000,000円多い）。融資額（又は出資額）、自己資金、事業者に交付した額の合計は、通常は総事業費と一致します。',
      '金額を確認してください（このまま提出することもできます）。',
    ]);
    await checkScreen(municipality, '78-performance-report-financing');
    // Not while a figure is still being typed.
    await municipality.locator('#field-actualCosts-0-amount').fill('');
    expect(await municipality.getByTestId('financing-mismatch').count()).toBe(0);
    await municipality.locator('#field-actualCosts-0-amount').fill('45,000,000');
    await municipality.getByLabel('事業完了日').fill('2026-03-20');
    await municipality.getByLabel(/実績報告書\.pdf/).check();
    expect(await municipality.getByTestId('report-total-cost').textContent()).toBe(
      '50,000,000円（5,000万円）',
    );
    await municipality.getByRole('button', { name: '実績報告を提出する' }).click();
    await municipality.getByTestId('post-award-done').getByText('実績報告を提出しました。').waitFor();
    // At the top of the screen, where the municipality lands, not in 採択後の手続 far below.
    expect(await municipality.getByTestId('post-award-done').isVisible()).toBe(true);
    expect((await municipality.getByTestId('post-award-done').boundingBox())!.y).toBeLessThan(
      (await municipality.getByTestId('post-award').boundingBox())!.y,
    );
    await municipality.getByTestId('award-status').getByText('実績報告済み').waitFor();
    // What was reported stays readable to the municipality, its mismatch said with what to do.
    const reported = municipality.getByTestId('post-award').getByTestId('report-summary');
    expect(await reported.getByTestId('reported-total-cost').locator('th, td').allTextContents()).toEqual([
      '総事業費',
      '95,000,000円',
      '50,000,000円',
    ]);
    expect(await reported.getByTestId('financing-mismatch').textContent()).toContain(
      '報告の内容に誤りがある場合は、額の確定の前に担当官へ連絡してください。',
    );
    await checkScreen(municipality, '79-reported');
  });

  it('the programme officer determines the amount from the report (plan vs actual) and pays the confirmed national share', async () => {
    await timeIs('2026-05-01T10:00:00+09:00');
    await readSideShows(system, id, 'reported');
    await officer.goto(`${system.baseUrl}/awards/${id}`);
    await officer.getByTestId('report-summary').waitFor();
    await officer
      .getByTestId('report-summary')
      .getByTestId('financing-mismatch')
      .getByText('額の確定の前に、報告の内容を市町村に確認してください。')
      .waitFor();
    // The whole cost, planned and reported, is what the mismatch above is measured against.
    expect(await officer.getByTestId('reported-total-cost').locator('th, td').allTextContents()).toEqual([
      '総事業費',
      '95,000,000円',
      '50,000,000円',
    ]);
    // Before confirming what cannot be undone, the officer reads the amount it will fix and why.
    const preview = officer.getByTestId('confirmation-preview');
    await preview.waitFor();
    expect(await preview.locator('dd').allTextContents()).toEqual([
      '25,000,000円（2,500万円）（根拠：実績の対象経費の2分の1）',
      '18,750,000円（1,875万円）',
      '2,250,000円（225万円）',
    ]);
    await officer.getByLabel('算定額（25,000,000円）よりさらに減額して確定する').waitFor();
    await checkScreen(officer, '79-report-to-confirm');
    await officer.getByRole('button', { name: '額を確定する' }).click();
    await officer.getByTestId('award-done').getByText('額を確定しました。').waitFor();
    await officer.getByTestId('award-status').getByText('額の確定済み').waitFor();
    expect(await officer.getByTestId('confirmed-grant').textContent()).toBe('25,000,000円');
    expect(await officer.getByTestId('limited-by').textContent()).toBe('実績の対象経費の2分の1');
    expect(await officer.getByTestId('confirmed-share').textContent()).toBe('18,750,000円');
    const eligible = officer.getByTestId('plan-vs-actual').getByRole('row', { name: /^対象経費/ });
    expect(await eligible.textContent()).toBe('対象経費95,000,000円50,000,000円−45,000,000円');
    await checkScreen(officer, '80-amount-confirmed');

    await timeIs('2026-05-20T10:00:00+09:00');
    await officer.reload();
    await officer.getByRole('heading', { name: '支払（精算払）' }).waitFor();
    expect(await officer.getByLabel('支払額').inputValue()).toBe('18,750,000');
    expect(await officer.getByLabel('支払日').inputValue()).toBe('2026-05-20');
    await officer.getByLabel('支払額').fill('18,750,001');
    await officer.getByRole('button', { name: '支払を記録する' }).click();
    await officer
      .locator('#field-payment-amount-error')
      .getByText('支払額の合計が確定した国費（交付金）を超えます。支払える額は残り18,750,000円です。')
      .waitFor();
    await checkScreen(officer, '81-payment-refused');
    await officer.getByLabel('支払額').fill('18,750,000');
    await officer.getByRole('button', { name: '支払を記録する' }).click();
    await officer.getByTestId('award-done').getByText('18,750,000円の支払を記録しました。').waitFor();
    await officer.getByTestId('award-status').getByText('支払済み').waitFor();
    expect(await officer.getByTestId('figure-paid').textContent()).toBe('18,750,000円（1,875万円）');
    expect(await officer.getByTestId('payments').textContent()).toBe(
      '支払日 令和8年5月20日(水)（2026年5月20日）：18,750,000円',
    );
    expect(await stepsShown(officer)).toEqual({
      steps: [
        '採択（済み）',
        '交付申請（済み）',
        '交付決定（済み）',
        '実績報告（済み）',
        '額の確定（済み）',
        '支払（精算払）（済み）',
      ],
      current: null,
    });
    await checkScreen(officer, '82-paid');

    await readSideShows(system, id, 'paid');
    await municipality.goto(`${system.baseUrl}/applications/${id}`);
    await municipality.getByTestId('next-step').getByText('支払まで完了しました。').waitFor();
    expect(await municipality.getByTestId('figure-confirmed').textContent()).toBe(
      '25,000,000円（2,500万円）',
    );
    // The report's mismatch stays said, without asking for a correction before a confirmation long made.
    expect(await municipality.getByTestId('financing-mismatch').textContent()).not.toContain(
      '額の確定の前に',
    );
    // The municipality reads what its grant was fixed at and why, with the plan beside the actual figures.
    const result = municipality.getByTestId('confirmation-result');
    expect(await result.getByTestId('confirmed-grant').textContent()).toBe('25,000,000円');
    expect(await result.getByTestId('limited-by').textContent()).toBe('実績の対象経費の2分の1');
    expect(
      await result
        .getByTestId('plan-vs-actual')
        .getByRole('row', { name: /^対象経費/ })
        .textContent(),
    ).toBe('対象経費95,000,000円50,000,000円−45,000,000円');
    await checkScreen(municipality, '83-municipality-paid');
  });

  it('the overdue queue shows the grant application never filed, with the days past due', async () => {
    const overdue = await programOfficerOf(system).get('/v1/awards/overdue');
    expect(overdue.total).toBe(1);
    const applicationReads = readsOfApplications(officer);
    await officer.goto(`${system.baseUrl}/awards/overdue`);
    const row = officer.getByRole('row', { name: /廃校を活用したサテライトオフィス/ });
    await row.getByText('交付申請').waitFor();
    expect(applicationReads.stop()).toEqual([]);
    // Due 2025-08-14; today 2026-05-20 in Japan: 279 days past.
    expect(await row.textContent()).toContain('令和7年8月14日(木)（2025年8月14日）279日超過');
    expect(await officer.getByTestId('overdue-total').textContent()).toContain('1件');
    await checkScreen(officer, '84-overdue-queue');
    await row.getByRole('link', { name: '廃校を活用したサテライトオフィス' }).click();
    await officer.getByTestId('award-waiting').getByText('自治体の交付申請を待っています。').waitFor();
    expect(late).toBeTruthy();
  });

  it('the municipality asks to abandon the project it never applied for; the officer approves, and nothing is overdue any more', async () => {
    await municipality.goto(`${system.baseUrl}/applications/${late}`);
    await municipality.getByRole('button', { name: '事業の中止・廃止を申請する…' }).click();
    const dialog = municipality.getByRole('dialog', { name: '事業の中止・廃止を申請しますか' });
    await dialog.getByRole('button', { name: '中止・廃止を申請する' }).click();
    await dialog
      .locator('#field-abandonment-reason-error')
      .getByText('中止・廃止の理由を入力してください。')
      .waitFor();
    await checkScreen(municipality, '89-abandonment-dialog');
    await dialog.getByLabel('中止・廃止の理由').fill('事業者が事業の継続を断念したため。');
    await dialog.getByRole('button', { name: '中止・廃止を申請する' }).click();
    await municipality.getByTestId('next-step').getByText('中止・廃止の承認を待っています。').waitFor();
    await municipality.getByTestId('status').getByText('計画変更申請中').waitFor();
    expect(await stepsShown(municipality)).toEqual({
      steps: [
        '採択（済み）',
        '交付申請（現在の手続）',
        '交付決定（未了）',
        '実績報告（未了）',
        '額の確定（未了）',
        '支払（精算払）（未了）',
      ],
      current: '交付申請（現在の手続）',
    });

    await readSideShows(system, late, 'change_requested');
    await officer.goto(`${system.baseUrl}/awards/${late}`);
    await officer.getByRole('heading', { name: '中止・廃止の承認' }).waitFor();
    await officer.getByLabel('承認する', { exact: true }).check();
    await officer.getByLabel('理由').fill('やむを得ない事情と認める。');
    await officer.getByRole('button', { name: '決定する' }).click();
    await officer.getByTestId('award-done').getByText('中止・廃止を承認しました。').waitFor();
    await officer.getByTestId('award-status').getByText('中止・廃止').waitFor();
    // The steps left are not pending: they will never come.
    expect(await stepsShown(officer)).toEqual({
      steps: [
        '採択（済み）',
        '交付申請（中止・廃止により行われません）',
        '交付決定（中止・廃止により行われません）',
        '実績報告（中止・廃止により行われません）',
        '額の確定（中止・廃止により行われません）',
        '支払（精算払）（中止・廃止により行われません）',
      ],
      current: null,
    });
    const dueDates = officer.getByTestId('award-due-dates');
    expect(await dueDates.textContent()).toContain('（中止・廃止により不要）');
    expect(await dueDates.textContent()).not.toContain('超過');
    const history = officer.getByRole('region', { name: '計画変更・中止の履歴' });
    expect(await history.textContent()).toContain('中止・廃止の理由：事業者が事業の継続を断念したため。');
    expect(await history.getByTestId('change-decision').textContent()).toBe(
      '承認の理由：やむを得ない事情と認める。（2026/05/20 10:00 決定）',
    );
    // Nothing was paid: a dash, as the steps it never reached show, not 0円.
    expect(await officer.getByTestId('figure-paid').textContent()).toBe('—');
    await checkScreen(officer, '90-abandoned');

    await readSideShows(system, late, 'abandoned');
    await officer.goto(`${system.baseUrl}/awards/overdue`);
    await officer
      .getByTestId('overdue-total')
      .getByText(/期限を過ぎた手続はありません/)
      .waitFor();
  });
});
