import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Dialog, Page } from 'playwright-core';
import { completePlan, TONO } from '../../api/test/workflow-client';
import { pdfBytes, uploadThroughApi } from './support/award-setup';
import { readsOf, readsOfApplications } from './support/reads-of';
import { asksBeforeLeaving, focusedId } from './support/page-state';
import { checkScreen } from './support/screens';
import { useRunningSystem, type RunningSystem } from './support/running-system';
import { signInWithRole } from './support/sign-in-as';

const SATO = 'reviewer-佐藤 一郎';
const SUZUKI = 'reviewer-鈴木 二郎';
/** The business plan the municipality attached: what a reviewer reads before judging. */
const BUSINESS_PLAN = pdfBytes(40_000, 3);

/** 遠野市's application, submitted on 2 June (round 2025-06, decision due 22 July), with two reviewers assigned by the officer over the API. */
async function assignedApplication(system: RunningSystem): Promise<string> {
  const municipality = system.as(`municipality-${TONO}`, 'municipality', TONO);
  const created = await municipality.post('/v1/applications', { plan: completePlan() });
  const id = String(created.id);
  await uploadThroughApi(system, id, '事業計画書.pdf', BUSINESS_PLAN, 'business_plan');
  await municipality.post(`/v1/applications/${id}/submit`);
  const officer = system.as('program_officer-田中', 'program_officer');
  for (const reviewerId of [SATO, SUZUKI])
    await officer.post(`/v1/applications/${id}/reviewers`, { reviewerId });
  return id;
}

describe('Reviewing, in a real browser', () => {
  const system = useRunningSystem('2025-06-02T10:00:00+09:00');
  let id: string;

  beforeAll(async () => {
    id = await assignedApplication(system);
  });

  it('a reviewer sees only their own screens, declares no conflict, and reviews the five requirements; a lapsed session loses nothing', async () => {
    const page = await system.newPage();
    const applicationReads = readsOfApplications(page);
    await signInWithRole(page, system.baseUrl, '有識者審査員', '佐藤 一郎');
    await page.getByRole('heading', { name: '審査一覧' }).waitFor();
    const nav = page.getByRole('navigation', { name: '業務メニュー' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['審査一覧']);
    // The role reads without brackets inside the header's own: 佐藤 一郎（有識者審査員）.
    await page.locator('.site-header__user').getByText('佐藤 一郎（有識者審査員）').waitFor();
    const row = page.getByRole('row', { name: /地元産ホップのクラフトビール醸造所/ });
    await row.getByText('利益相反の申告待ち').waitFor();
    expect(await row.textContent()).toContain('あと50日');
    expect(await row.textContent()).toContain('令和7年7月22日');
    await checkScreen(page, '20-reviewer-queue');
    // Each line says where this reviewer stands: the queue asks for no application of its own.
    expect(applicationReads.stop()).toEqual([]);

    // A programme officer's screen, typed in directly: a plain refusal in Japanese, never a blank page.
    await page.goto(`${system.baseUrl}/officer/rounds`);
    await page.getByRole('heading', { name: 'この画面を利用する権限がありません' }).waitFor();
    await checkScreen(page, '21-forbidden');
    await page.getByRole('link', { name: '審査一覧' }).first().click();

    const documentReads = readsOf(page, /\/documents$/);
    await page
      .getByRole('row', { name: /地元産ホップのクラフトビール醸造所/ })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { name: '利益相反の申告' }).waitFor();
    // The declaration comes first: no plan and no review form before it.
    expect(await page.getByRole('heading', { name: '審査結果の入力' }).count()).toBe(0);
    expect(
      await page
        .getByRole('form', { name: '利益相反の申告' })
        .getByText(/^審査の前に/)
        .textContent(),
    ).toContain('申告してください。利益相反がある場合は');
    await checkScreen(page, '22-reviewer-conflict-declaration');
    // Sent without an answer: the same sentence at the top and beside the choice, tied to it.
    await page.getByRole('button', { name: '申告する' }).click();
    const unanswered = '利益相反の有無を選んでください。';
    await page.getByRole('alert').getByRole('link', { name: unanswered, exact: true }).waitFor();
    expect(await page.locator('#field-hasConflict-error').textContent()).toBe(unanswered);
    expect(await page.getByRole('group', { name: /利益相反の有無/ }).getAttribute('aria-describedby')).toBe(
      'field-hasConflict-error',
    );
    await page.getByLabel('利益相反はありません').check();
    await page.getByRole('button', { name: '申告する' }).click();

    await page.getByRole('heading', { name: '審査結果の入力' }).waitFor();
    await page.getByRole('heading', { name: '交付額の計算（提出時）' }).waitFor();
    // The attached business plan is there to read, the same bytes the municipality sent.
    const plan = page.getByTestId('document-list').getByRole('row', { name: /事業計画書\.pdf/ });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      plan.getByRole('link', { name: '事業計画書.pdf' }).click(),
    ]);
    const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    expect(sha256(await readFile((await download.path())!))).toBe(sha256(BUSINESS_PLAN));
    // The documents come with the application's answer: the screen asks for no list of them.
    expect(documentReads.stop()).toEqual([]);
    expect(await page.getByTestId('submitted-national-share').textContent()).toBe(
      '15,000,000円（1,500万円）',
    );
    expect(await page.getByTestId('requirement-model_case').count()).toBe(1);

    // Submitting half-filled names every missing answer, each linked to its field.
    await page.getByRole('button', { name: '審査結果を提出する' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: /モデル性の判定/ }).waitFor();
    // The same sentence at the top and beside the field.
    const asked = 'モデル性の判定を選んでください。';
    await summary.getByRole('link', { name: asked, exact: true }).waitFor();
    expect(await page.locator('#field-assessments-model_case-met-error').textContent()).toBe(asked);
    // 総合評価 reads its message as every choice does: beside it, tied to it, and its link lands on it.
    const overall = page.getByRole('group', { name: '総合評価' });
    expect(await overall.getAttribute('aria-describedby')).toBe('field-recommendation-error');
    expect(await page.locator('#field-recommendation-error').textContent()).toBe(
      '総合評価を選んでください。',
    );
    await summary.getByRole('link', { name: '総合評価を選んでください。', exact: true }).click();
    expect(await focusedId(page)).toBe('field-recommendation');
    await checkScreen(page, '23-reviewer-form-errors');

    const requirements = [
      'local_resources',
      'public_challenge',
      'regional_financing',
      'novelty',
      'model_case',
    ];
    for (const requirement of requirements) {
      const group = page.getByTestId(`requirement-${requirement}`);
      await group.getByLabel('満たす', { exact: true }).check();
      await group
        .getByLabel('コメント')
        .fill(
          requirement === 'novelty' ? '地域で初めての醸造所であり新規性がある。' : '要件を満たしている。',
        );
    }
    await page.getByLabel('採択を推薦', { exact: true }).check();
    expect(await page.getByLabel('総合評価のコメント').getAttribute('maxlength')).toBe('4000');
    await page.getByLabel('総合評価のコメント').fill('地域資源を生かした持続的な事業計画である。');

    // Typed and not yet sent: closing the tab asks first (the browser's own question); staying keeps it all.
    const leaving: string[] = [];
    const stay = (dialog: Dialog) => {
      leaving.push(dialog.type());
      void dialog.dismiss();
    };
    page.on('dialog', stay);
    await asksBeforeLeaving(page);
    const asksFirst = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    await asksFirst;
    page.off('dialog', stay);
    expect(leaving).toEqual(['beforeunload']);
    expect(await page.getByLabel('総合評価のコメント').inputValue()).toBe(
      '地域資源を生かした持続的な事業計画である。',
    );

    // The session lapses before the review is sent: the real API answers 401 to an expired token.
    const expired = await system.expiredToken(SATO, 'reviewer');
    await page.route('**/v1/applications/*/reviews', (route) =>
      route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${expired}` } }),
    );
    await page.getByRole('button', { name: '審査結果を提出する' }).click();
    const dialog = page.getByRole('dialog', { name: 'もう一度サインインしてください' });
    await dialog.waitFor();
    // The dialog itself says what signing in will do: the review goes as it is.
    await dialog.getByText(/サインインし直すと、この審査結果をそのまま提出します。$/).waitFor();
    await checkScreen(page, '24-reviewer-session-lapsed');
    await page.unrouteAll();
    expect(await page.getByLabel('総合評価のコメント').inputValue()).toBe(
      '地域資源を生かした持続的な事業計画である。',
    );
    await dialog.getByRole('button', { name: 'サインイン' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Signed in again, the same review goes out as typed.
    await page.getByText('審査結果を提出しました。').waitFor();
    const mine = page.getByTestId('my-review');
    await mine.getByRole('heading', { name: 'あなたの審査結果（採択を推薦）' }).waitFor();
    expect(await mine.textContent()).toContain('地域で初めての醸造所であり新規性がある。');
    // The application's facts follow under a heading of their own, not as part of the review's table.
    await page.getByRole('heading', { name: '審査した申請' }).waitFor();
    await checkScreen(page, '25-reviewer-review-submitted');

    const officer = system.as('program_officer-田中', 'program_officer');
    const application = await officer.get(`/v1/applications/${id}`);
    expect(application.reviewsDone).toBe(1);
    expect(
      (application.reviews as { reviewerId: string; recommendation: string }[]).map((review) => [
        review.reviewerId,
        review.recommendation,
      ]),
    ).toEqual([[SATO, 'adopt']]);
  }, 240_000);

  it('a second reviewer declares a conflict of interest and is blocked from reviewing', async () => {
    const page: Page = await system.newPage();
    await signInWithRole(page, system.baseUrl, '有識者審査員', '鈴木 二郎');
    await page
      .getByRole('row', { name: /地元産ホップのクラフトビール醸造所/ })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { name: '利益相反の申告' }).waitFor();
    await page.getByLabel('利益相反があります（この申請の審査を辞退します）').check();
    await page.getByRole('button', { name: '申告する' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /利益相反の内容/ })
      .waitFor();
    // No longer than the API takes (2,000 characters): a longer text cannot be typed to be refused.
    expect(await page.getByLabel('利益相反の内容').getAttribute('maxlength')).toBe('2000');
    await page.getByLabel('利益相反の内容').fill('株式会社とおの醸造の顧問を務めている。');
    await page.getByRole('button', { name: '申告する' }).click();

    const blocked = page.getByTestId('recused');
    await blocked
      .getByRole('heading', { name: '利益相反を申告したため、この申請は審査できません' })
      .waitFor();
    await blocked.getByText('申告の内容：株式会社とおの醸造の顧問を務めている。').waitFor();
    expect(await page.getByRole('heading', { name: '審査結果の入力' }).count()).toBe(0);
    await checkScreen(page, '26-reviewer-recused');

    // Reopened from the queue, it stays blocked; the API agrees.
    await page.getByRole('link', { name: '← 審査一覧' }).click();
    const row = page.getByRole('row', { name: /地元産ホップのクラフトビール醸造所/ });
    await row.getByText('辞退（利益相反）').waitFor();
    await row.getByRole('link').click();
    await page.getByTestId('recused').waitFor();
    const refused = await system
      .as(SUZUKI, 'reviewer')
      .post(`/v1/applications/${id}/reviews`, { assessments: {}, recommendation: 'adopt', comment: 'x' })
      .catch((error: Error) => error.message);
    expect(String(refused)).toMatch(/answered (403|409|422)/);
  }, 120_000);
});
