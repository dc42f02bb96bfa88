import type { Page } from 'playwright-core';
import { allMet, completePlan, TONO } from '../../api/test/workflow-client';
import { pdfBytes, uploadThroughApi } from './support/award-setup';
import { checkScreen } from './support/screens';
import { useRunningSystem, type RunningSystem } from './support/running-system';
import { signInWithRole } from './support/sign-in-as';
import { focusedId } from './support/page-state';
import { readsOf, readsWhileHeld } from './support/reads-of';

const SATO = 'reviewer-佐藤 一郎';
const SUZUKI = 'reviewer-鈴木 二郎';
const TAKAHASHI = 'reviewer-高橋 三郎';

async function submitted(system: RunningSystem, title: string): Promise<string> {
  const municipality = system.as(`municipality-${TONO}`, 'municipality', TONO);
  const created = await municipality.post('/v1/applications', {
    plan: { ...completePlan(), projectTitle: title },
  });
  const id = String(created.id);
  await uploadThroughApi(system, id, '融資確約書.pdf', pdfBytes(30_000, 5), 'loan_letter');
  await municipality.post(`/v1/applications/${id}/submit`);
  return id;
}

/** The read side catches up with writes made over the API by the other people. */
async function readSideShows(
  system: RunningSystem,
  id: string,
  expected: (application: Record<string, unknown>) => boolean,
): Promise<void> {
  const officer = system.as('program_officer-田中 花子', 'program_officer');
  for (let attempt = 0; attempt < 100; attempt++) {
    const answer = await officer.get(`/v1/applications/${id}`).catch(() => ({}) as Record<string, unknown>);
    if (expected(answer)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the read side never showed ${id} as expected`);
}

async function review(
  system: RunningSystem,
  id: string,
  reviewerId: string,
  assessments: Record<string, unknown>,
  recommendation: string,
): Promise<void> {
  const expert = system.as(reviewerId, 'reviewer');
  await expert.post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: false });
  await expert.post(`/v1/applications/${id}/reviews`, {
    assessments,
    recommendation,
    comment: `${reviewerId}の総合評価`,
  });
}

describe('Deciding, as the programme officer, in a real browser', () => {
  const system = useRunningSystem('2025-04-05T10:00:00+09:00');
  let page: Page;
  let overdueId: string;
  let id: string;

  beforeAll(async () => {
    // Submitted in the April round (decision due 22 May), still undecided on 2 June: 11 days past due.
    overdueId = await submitted(system, '遠野駅前の古民家を改修した宿泊施設');
    system.clock.set('2025-06-02T10:00:00+09:00');
    id = await submitted(system, '地元産ホップのクラフトビール醸造所');
    page = await system.newPage();
    await signInWithRole(page, system.baseUrl, '総務省 担当官', '田中 花子');
  }, 240_000);

  it('sets the budget, assigns reviewers, sees the split verdicts, asks for a revision, and later adopts at a reduced grant', async () => {
    await page.getByRole('heading', { name: '締切回の状況' }).waitFor();
    const links = await page
      .getByRole('navigation', { name: '業務メニュー' })
      .getByRole('link')
      .allTextContents();
    expect(links).toContain('締切回の状況');
    expect(links).toContain('年度予算・受付');
    expect(links).not.toContain('審査一覧');
    expect(links).not.toContain('申請一覧');

    await page.getByRole('link', { name: '年度予算・受付' }).click();
    await page.getByRole('heading', { name: '年度予算・受付（2025年度）' }).waitFor();
    await page.getByText('この年度の予算はまだ設定されていません。').waitFor();
    // The unit is said once, beside the input, not again in the label.
    expect(await page.locator('label[for="field-nationalBudget"]').textContent()).toBe('国費の予算額必須');
    // An amount that is not whole yen is refused before sending, in the same words at the top and beside it.
    await page.getByLabel('国費の予算額').fill('12.5');
    await page.getByRole('button', { name: '保存する' }).click();
    const notYen = '国費の予算額は0以上の整数（円）で入力してください。';
    await page.getByRole('alert').getByRole('link', { name: notYen, exact: true }).waitFor();
    expect(await page.locator('#field-nationalBudget-error').textContent()).toBe(notYen);
    await page.getByLabel('国費の予算額').fill('1000000000');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('予算と受付の設定を保存しました。').waitFor();
    expect(await page.getByTestId('budget-national').textContent()).toBe('1,000,000,000円（10億円）');
    expect(await page.getByTestId('budget-remaining').textContent()).toBe('1,000,000,000円（10億円）');
    await checkScreen(page, '30-officer-fiscal-year');

    await page.getByRole('link', { name: '締切回の状況' }).first().click();
    const open = page.getByTestId('open-applications');
    await open.waitFor();
    const rows = open.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    // The counts are the API's, over every page of the fiscal year, not the rows on screen.
    // Named for what it holds: submitted ones awaiting reviewers as well as those under review.
    expect(await page.getByRole('heading', { name: /採否決定前の申請/ }).textContent()).toBe(
      '採否決定前の申請（2件、うち期限超過1件）',
    );
    // Overdue first, in red, with the days past due.
    expect(await rows.nth(0).getAttribute('data-overdue')).toBe('true');
    expect(await rows.nth(0).textContent()).toContain('遠野駅前の古民家を改修した宿泊施設');
    expect(await rows.nth(0).locator('.overdue').textContent()).toBe('11日超過');
    expect(await rows.nth(1).textContent()).toContain('あと50日');
    const aprilRound = page.getByTestId('rounds').getByRole('row', { name: /2025年4月締切回/ });
    expect(await aprilRound.textContent()).toContain('令和7年5月22日');
    await checkScreen(page, '31-officer-round-dashboard');
    expect(overdueId).toBeDefined();

    await rows.nth(1).getByRole('link').click();
    await page.getByRole('heading', { name: '地元産ホップのクラフトビール醸造所' }).waitFor();
    // 割り当てる sits right after the ID's input, on its line, not after the field's long hint.
    const input = await page.getByLabel('審査員ID').boundingBox();
    const assign = await page.getByRole('button', { name: '割り当てる' }).boundingBox();
    expect(input && assign && assign.x - (input.x + input.width)).toBeLessThan(16);
    expect(
      input && assign && Math.abs(assign.y + assign.height / 2 - (input.y + input.height / 2)),
    ).toBeLessThan(4);
    // An empty ID is asked for before sending; a refusal the API words otherwise is said as it words it.
    const idError = page.locator('#field-reviewerId-error');
    await page.getByRole('button', { name: '割り当てる' }).click();
    expect(await idError.textContent()).toBe('審査員IDを入力してください。');
    await page.route('**/v1/applications/*/reviewers', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          errors: [{ field: 'reviewerId', rule: 'max_length', message: '' }],
        }),
      }),
    );
    await page.getByLabel('審査員ID').fill(SATO);
    await page.getByRole('button', { name: '割り当てる' }).click();
    await idError.getByText('審査員IDが長すぎます。').waitFor();
    await page.unrouteAll();
    for (const reviewerId of [SATO, SUZUKI, TAKAHASHI]) {
      await page.getByLabel('審査員ID').fill(reviewerId);
      await page.getByRole('button', { name: '割り当てる' }).click();
      await page.getByTestId('reviewers').getByRole('cell', { name: reviewerId }).waitFor();
    }
    // On the other application, the three are offered as the ID is typed, each with what is on its desk.
    const offeredOn = async (applicationId: string) => {
      for (let attempt = 0; ; attempt++) {
        await page.goto(`${system.baseUrl}/officer/applications/${applicationId}`);
        await page.getByRole('heading', { name: '審査員の割当て' }).waitFor();
        const offered = await page
          .locator('#known-reviewers option')
          .evaluateAll((options) =>
            options.map((option) => `${option.getAttribute('value')} ${option.getAttribute('label')}`),
          );
        if (offered.length > 0 || attempt === 20) return offered;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    expect(await offeredOn(overdueId)).toEqual(
      [SATO, SUZUKI, TAKAHASHI].sort().map((reviewerId) => `${reviewerId} 審査中 1件（担当 1件）`),
    );
    expect(await page.getByLabel('審査員ID').getAttribute('list')).toBe('known-reviewers');
    // Where all three are assigned already, none is offered again (the list is read by now).
    const known = page.waitForResponse((response) => response.url().includes('/v1/reviewers'));
    const documentReads = readsOf(page, /\/documents$/);
    await page.goto(`${system.baseUrl}/officer/applications/${id}`);
    expect(((await (await known).json()) as { items: unknown[] }).items).toHaveLength(3);
    await page.getByRole('heading', { name: '審査員の割当て' }).waitFor();
    expect(await page.locator('#known-reviewers').count()).toBe(0);
    // Sent without a choice, the form asks for one in the same words at the top and beside it.
    await page.getByRole('button', { name: '決定する', exact: true }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: '判断を選んでください。', exact: true })
      .waitFor();
    expect(await page.locator('#field-outcome-error').textContent()).toBe('判断を選んでください。');
    // Before any review, adoption is refused by the quorum rule, named in words.
    await page.getByLabel('採択する').check();
    await page.getByLabel('理由').fill('審査前の採択');
    await page.getByRole('button', { name: '採択を決定する' }).click();
    await page
      .getByTestId('decision-refusal')
      .getByText(
        '定足数に達していません：採択には利益相反のない審査員による審査結果が2件必要ですが、0件です。',
      )
      .waitFor();

    await system.as(TAKAHASHI, 'reviewer').post(`/v1/applications/${id}/conflict-declarations`, {
      hasConflict: true,
      detail: '事業者の取引先の役員を務めている',
    });
    await review(system, id, SATO, allMet(), 'adopt');
    await review(
      system,
      id,
      SUZUKI,
      {
        ...allMet(),
        novelty: { met: false, comment: '既存の醸造所と差がない' },
        model_case: { met: false, comment: '他地域への展開が見えない' },
      },
      'revise',
    );
    await readSideShows(system, id, (application) => application.reviewsDone === 2);
    await page.reload();

    const reviewers = page.getByTestId('reviewers');
    await reviewers
      .getByRole('row', { name: /審査員C/ })
      .getByText('利益相反あり（辞退）')
      .waitFor();
    const sideBySide = page.getByTestId('reviews-side-by-side');
    expect(await sideBySide.getByTestId('majority-local_resources').textContent()).toContain(
      '満たす（過半数）',
    );
    expect(await sideBySide.getByTestId('majority-novelty').textContent()).toContain('過半数に達しない');
    // The column names the rule it applies: a majority of the reviews, not a "majority opinion".
    expect(await sideBySide.getByRole('columnheader', { name: '過半数による判定' }).count()).toBe(1);
    expect(await sideBySide.getByTestId('majority-novelty').textContent()).toContain('2件中1件が「満たす」');
    expect(await sideBySide.textContent()).toContain('既存の醸造所と差がない');
    // What the plan rests on is at hand before deciding: the lender's letter the municipality attached.
    await page
      .getByTestId('document-list')
      .getByRole('row', { name: /融資確約書\.pdf/ })
      .getByRole('link', { name: '融資確約書.pdf' })
      .waitFor();
    // The documents come with the application's answer: the screen asks for no list of them.
    expect(documentReads.stop()).toEqual([]);
    // When it came in: the municipality submitted it with the API's clock at 2025-06-02 10:00.
    expect(await page.getByTestId('application-facts').getByTestId('submitted-at').textContent()).toBe(
      '2025/06/02 10:00:00',
    );
    expect(await page.getByTestId('application-facts').getByTestId('application-id').textContent()).toBe(id);
    await checkScreen(page, '32-officer-split-verdicts');

    // Adoption is refused by the majority rule, named in words.
    await page.getByLabel('採択する').check();
    await page.getByLabel('理由').fill('地域資源を生かした事業である。');
    await page.getByRole('button', { name: '採択を決定する' }).click();
    const refusal = page.getByTestId('decision-refusal');
    await refusal
      .getByText(/過半数に達していません：「新規性」を満たすと判断した審査結果は2件中1件です/)
      .waitFor();
    // A lower grant would not change the reviews: the 採択額 field is not marked.
    expect(await page.locator('#field-approvedGrant-error').count()).toBe(0);
    // The screen is taken once the recalculated figures have replaced 計算しています….
    await page.getByTestId('approved-figures').getByTestId('approved-grant').waitFor();
    expect(await page.getByTestId('approved-figures-basis').textContent()).toBe(
      '申請額のまま採択した場合の額です。融資額と経費も計画のままです。',
    );
    await checkScreen(page, '33-officer-adoption-refused-majority');

    await page.getByLabel('修正を依頼する（申請団体に差し戻す）').check();
    // A decision without its reason is refused at the field, which says so to assistive technology too.
    await page.getByLabel('理由').fill('');
    await page.getByRole('button', { name: '修正を依頼する' }).click();
    await page.locator('#field-reason-error').getByText('理由を入力してください。').waitFor();
    expect(await page.getByLabel('理由').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('理由').getAttribute('maxlength')).toBe('4000');
    await page.getByLabel('理由').fill('新規性とモデル性を具体的に説明してください。');
    await page.getByRole('button', { name: '修正を依頼する' }).click();
    await page
      .getByTestId('revision-request')
      .getByText('新規性とモデル性を具体的に説明してください。')
      .waitFor();
    expect(await page.getByTestId('status').textContent()).toBe('修正依頼');

    // The municipality resubmits; a new review cycle finds every requirement met.
    await system.as(`municipality-${TONO}`, 'municipality', TONO).post(`/v1/applications/${id}/resubmit`);
    for (const reviewerId of [SATO, SUZUKI])
      await system
        .as('program_officer-田中 花子', 'program_officer')
        .post(`/v1/applications/${id}/reviewers`, { reviewerId });
    await review(system, id, SATO, allMet(), 'adopt');
    await review(system, id, SUZUKI, allMet(), 'adopt');
    await readSideShows(
      system,
      id,
      (application) => application.reviewsDone === 2 && application.status === 'under_review',
    );
    await page.reload();
    await page.getByTestId('reviews-side-by-side').waitFor();
    expect(await page.getByTestId('majority-novelty').textContent()).toContain('満たす（過半数）');

    // Adopted at 16,000,000 yen instead of 20,000,000: the figures are recomputed before confirming.
    await page.getByLabel('採択する').check();
    await page.getByLabel('採択額（交付額）').fill('16000000');
    const figures = page.getByTestId('approved-figures');
    await figures.getByTestId('approved-grant').getByText('16,000,000円（1,600万円）').waitFor();
    expect(await figures.getByTestId('approved-national-share').textContent()).toBe(
      '12,000,000円（1,200万円）',
    );
    expect(await figures.textContent()).toContain(
      '15,000,000円（1,500万円）（申請時） → 12,000,000円（1,200万円）',
    );
    // The narrow panel breaks the line between the two figures, never inside one.
    expect(
      await figures
        .locator('p strong')
        .first()
        .evaluate((amount) => amount.getClientRects().length),
    ).toBe(1);
    expect(await figures.getByTestId('approved-figures-basis').textContent()).toBe(
      '減額分の4,000,000円（400万円）は事業者の自己資金で賄う前提で、融資額と経費は計画のまま再計算しています。',
    );
    await page
      .getByLabel('理由')
      .fill('計画は要件を満たす。商品開発費の一部は自己資金で賄うこととし減額して採択する。');
    await checkScreen(page, '34-officer-adopt-reduced-preview');
    await page.getByRole('button', { name: '採択を決定する' }).click();

    const decision = page.getByTestId('decision');
    // A record of the decision, not a second 採択しました under the success banner: what, and when.
    await decision.getByRole('heading', { name: '採否の決定：採択' }).waitFor();
    expect(await decision.getByTestId('decided-at').textContent()).toBe('決定日時：2025/06/02 10:00');
    expect(await decision.textContent()).toContain(
      '採択額：16,000,000円（1,600万円）（申請額20,000,000円（2,000万円）から減額）',
    );
    expect(await decision.getByTestId('decided-national-share').textContent()).toBe(
      '12,000,000円（1,200万円）',
    );
    await checkScreen(page, '35-officer-adopted');
    const adopted = await system
      .as('program_officer-田中 花子', 'program_officer')
      .get(`/v1/applications/${id}`);
    expect(adopted.status).toBe('adopted');
    expect((adopted.decision as { approvedGrant: number }).approvedGrant).toBe(16_000_000);
  }, 300_000);

  it('tries to adopt over the budget and sees the reason', async () => {
    const over = await submitted(system, '三陸の魚介を使った加工品の開発');
    const officer = system.as('program_officer-田中 花子', 'program_officer');
    for (const reviewerId of [SATO, SUZUKI])
      await officer.post(`/v1/applications/${over}/reviewers`, { reviewerId });
    await review(system, over, SATO, allMet(), 'adopt');
    await review(system, over, SUZUKI, allMet(), 'adopt');
    await readSideShows(system, over, (application) => application.reviewsDone === 2);

    // The budget is cut to 20,000,000 yen; 12,000,000 are committed, 8,000,000 remain.
    // Every read of the page's start has answered before typing: a late one would refill the form.
    await page.goto(`${system.baseUrl}/officer/fiscal-years/2025`, { waitUntil: 'networkidle' });
    await page.getByLabel('国費の予算額').fill('20000000');
    expect(await page.getByLabel('国費の予算額').inputValue()).toBe('20000000');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('予算と受付の設定を保存しました。').waitFor();
    await page
      .getByTestId('budget-remaining')
      .filter({ hasText: /^8,000,000円（800万円）$/ })
      .waitFor();

    await page.goto(`${system.baseUrl}/officer/applications/${over}`);
    await page.getByRole('heading', { name: '三陸の魚介を使った加工品の開発' }).waitFor();
    await page.getByLabel('採択する').check();
    await page.getByTestId('approved-national-share').getByText('15,000,000円').waitFor();
    await page.getByLabel('理由').fill('要件をすべて満たす。');
    await page.getByRole('button', { name: '採択を決定する' }).click();
    const overBudget =
      '予算が足りません：国費（交付金）15,000,000円に対し、この年度の予算の残額は8,000,000円です（予算額20,000,000円、確保済み12,000,000円）。採択額を10,667,999円以下（国費が予算の残額8,000,000円に収まる最大の採択額）に減らすか、年度の予算額を見直してください。';
    const refusal = page.getByTestId('decision-refusal');
    // A lower grant may fit the budget: the refusal marks the 採択額 field and links to it.
    await refusal.getByRole('link', { name: overBudget, exact: true }).waitFor();
    expect(await page.locator('#field-approvedGrant-error').textContent()).toBe(overBudget);
    expect(await page.getByLabel('採択額（交付額）').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, '36-officer-over-budget');
    await refusal.getByRole('link', { name: overBudget, exact: true }).click();
    expect(await focusedId(page)).toBe('field-approvedGrant');
    // The grant it names fits: its national share, recalculated below the field, is what is left.
    await page.getByLabel('採択額（交付額）').fill('10,667,999');
    await page.getByTestId('approved-national-share').getByText('8,000,000円').waitFor();
    expect((await officer.get(`/v1/applications/${over}`)).status).toBe('under_review');

    // Nothing on the dashboard waits for another of its answers: with the statistics held back,
    // the year's twelve rounds and the reviewers are asked for all the same.
    const asked = await readsWhileHeld(
      page,
      '**/v1/statistics/monthly?*',
      /^\/v1\/(rounds\/\d{4}-\d{2}|reviewers)$/,
      13,
      () => page.goto(`${system.baseUrl}/officer/rounds?fiscalYear=2025`),
    );
    const fiscal2025 = ['04', '05', '06', '07', '08', '09', '10', '11', '12']
      .map((month) => `2025-${month}`)
      .concat(['2026-01', '2026-02', '2026-03']);
    expect(asked).toEqual([...fiscal2025.map((round) => `/v1/rounds/${round}`), '/v1/reviewers'].sort());
    const gauge = page.getByTestId('budget-gauge');
    await gauge.waitFor();
    await page.unroute('**/v1/statistics/monthly?*');
    expect(await gauge.getByTestId('budget-committed').textContent()).toBe('12,000,000円（1,200万円）');
    // The budget counts national shares, the rounds' columns grants: each label says which.
    await gauge.getByText('確保済み（採択した国費）', { exact: true }).waitFor();
    await page.getByRole('columnheader', { name: '採択額（交付額）', exact: true }).waitFor();
    // Both reviewers have the over-budget application under review and the adopted one in charge;
    // the one who left the first cycle is named by no application's current reviewers.
    const load = page.getByTestId('reviewer-load');
    await load.waitFor();
    await page.getByRole('heading', { name: '審査員ごとの担当件数', exact: true }).waitFor();
    expect(await load.locator('tbody tr').allTextContents()).toEqual(
      [SATO, SUZUKI].sort().map((reviewerId) => `${reviewerId}1件2件`),
    );
    await checkScreen(page, '37-officer-round-dashboard-after-adoption');

    // Intake closed for the year: the municipality's next submission is refused.
    await page.getByRole('link', { name: '年度予算・受付' }).click();
    await page.getByLabel('受付停止（この年度への提出を受け付けない）').check();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('予算と受付の設定を保存しました。').waitFor();
    expect(await page.getByTestId('budget-intake').textContent()).toBe('受付停止');
    const refused = await submitted(system, '締切後の申請').catch((error: Error) => error.message);
    expect(String(refused)).toMatch(/answered 422.*intake_open/);
  }, 240_000);
});
