import type { Page } from 'playwright-core';
import { allMet, completePlan, TONO } from '../../api/test/workflow-client';
import { checkScreen } from './support/screens';
import { useRunningSystem, type RunningSystem } from './support/running-system';
import { signInAsMunicipality } from './support/sign-in';

/** A submitted application of 遠野市, put in front of the officer by the API as the other people would. */
async function submittedApplication(system: RunningSystem, title: string): Promise<string> {
  const officer = system.as(`officer-${TONO}`, 'municipality', TONO);
  const created = await officer.post('/v1/applications', {
    plan: { ...completePlan(), projectTitle: title },
  });
  const id = String(created.id);
  await officer.post(`/v1/applications/${id}/submit`);
  return id;
}

async function readSideShows(system: RunningSystem, id: string, status: string): Promise<void> {
  const officer = system.as(`officer-${TONO}`, 'municipality', TONO);
  for (let attempt = 0; attempt < 50; attempt++) {
    const answer = await officer.get(`/v1/applications/${id}`).catch(() => ({}) as Record<string, unknown>);
    if (answer.status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the read side never showed ${id} as ${status}`);
}

describe('After submission: reviews, a revision request, resubmission and withdrawal, in a real browser', () => {
  const system = useRunningSystem('2025-06-02T14:00:00+09:00');
  let page: Page;

  beforeAll(async () => {
    page = await system.newPage();
    await signInAsMunicipality(page, system.baseUrl);
  });

  it('reads the anonymous reviews and the revision request, edits the plan and resubmits', async () => {
    const id = await submittedApplication(system, '地元産ホップのクラフトビール醸造所');
    const programOfficer = system.as('mic-tanaka', 'program_officer');
    for (const reviewer of ['reviewer-sato', 'reviewer-suzuki']) {
      await programOfficer.post(`/v1/applications/${id}/reviewers`, { reviewerId: reviewer });
      const expert = system.as(reviewer, 'reviewer');
      await expert.post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: false });
      await expert.post(`/v1/applications/${id}/reviews`, {
        assessments: allMet(),
        recommendation: 'revise',
        comment:
          reviewer === 'reviewer-sato' ? '販路の見通しを具体的に。' : '地域課題との関係を補足してください。',
      });
    }
    await programOfficer.post(`/v1/applications/${id}/revision-requests`, {
      reason: '販路計画と地域課題への対応を具体的に記載してください。',
    });
    await readSideShows(system, id, 'revision_requested');

    await page.goto(`${system.baseUrl}/applications`);
    const row = page.getByRole('row', { name: /地元産ホップのクラフトビール醸造所/ });
    await row.getByText('修正依頼').waitFor();
    // Decided in the round the resubmission joins: not the date of the round it left.
    expect(await row.getByTestId('decision-due').textContent()).toBe('再提出した募集回の締切で決まります');
    await row.getByRole('link').click();
    const request = page.getByTestId('revision-request');
    await request.getByText('販路計画と地域課題への対応を具体的に記載してください。').waitFor();
    await page.getByRole('heading', { name: '審査員A：修正を求める' }).waitFor();
    await page.getByRole('heading', { name: '審査員B：修正を求める' }).waitFor();
    const content = (await page.locator('main').textContent()) ?? '';
    expect(content).toContain('販路の見通しを具体的に。');
    expect(content).not.toContain('reviewer-sato');
    expect(content).not.toContain('reviewer-suzuki');
    expect(await request.textContent()).toContain('依頼日時：2025/06/02 14:00');
    expect(await page.getByTestId('decision-due').textContent()).toBe('再提出した募集回の締切で決まります');
    await checkScreen(page, '10-revision-requested');

    await request.getByRole('link', { name: '計画を修正して再提出する' }).click();
    await page.getByRole('heading', { name: '申請の修正' }).waitFor();
    expect(await page.getByTestId('revision-reason').textContent()).toContain('販路計画と地域課題への対応');
    await page
      .getByLabel('事業の概要')
      .fill(
        '遠野産ホップを使った醸造所を新設する。販路は県内の観光施設3か所と契約済み。耕作放棄地の解消にもつながる。',
      );
    await page.getByTestId('save-state').getByText('保存済み 14:00').waitFor();
    await checkScreen(page, '11-revision-editing');
    await page.getByRole('button', { name: '再提出する…' }).click();
    const dialog = page.getByRole('dialog', { name: 'この内容で再提出しますか' });
    await dialog.getByText('2025年6月締切回').waitFor();
    await dialog.getByRole('button', { name: '再提出する' }).click();
    await page.getByTestId('status').getByText('提出済み').waitFor();
    expect(await page.getByTestId('decision-due').textContent()).toContain('令和7年7月22日(火)');
    expect(await page.getByRole('heading', { name: '審査員A：修正を求める' }).count()).toBe(0);
    const summary = page.getByTestId('application-summary');
    expect(await summary.getByText('再提出日時', { exact: true }).count()).toBe(1);
    expect(await summary.getByText('提出日時', { exact: true }).count()).toBe(0);
    expect(await page.getByTestId('submitted-at').textContent()).toBe('2025/06/02 14:00:00');
  });

  it('withdraws a submitted application, giving the reason', async () => {
    const id = await submittedApplication(system, '空き家を改修した交流拠点');
    await readSideShows(system, id, 'submitted');
    await page.goto(`${system.baseUrl}/applications/${id}`);
    await page.getByTestId('status').getByText('提出済み').waitFor();
    await checkScreen(page, '12-submitted-detail');
    await page.getByRole('button', { name: '申請を取り下げる…' }).click();
    const dialog = page.getByRole('dialog', { name: '申請を取り下げますか' });
    await dialog.getByRole('button', { name: '取り下げる' }).click();
    await dialog
      .locator('#field-withdraw-reason-error')
      .getByText('取下げの理由を入力してください。')
      .waitFor();
    await checkScreen(page, '13-withdraw-dialog');
    await dialog.getByLabel('取下げの理由').fill('融資の条件が整わなかったため。');
    // Meanwhile the programme officer assigns a reviewer: the page's revision is stale.
    await system
      .as('mic-tanaka', 'program_officer')
      .post(`/v1/applications/${id}/reviewers`, { reviewerId: 'reviewer-sato' });
    await dialog.getByRole('button', { name: '取り下げる' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/^この申請は、ほかの操作で更新されたか/)
      .waitFor();
    expect(await dialog.textContent()).not.toMatch(/If-Match|revision/);
    expect(await dialog.getByLabel('取下げの理由').inputValue()).toBe('融資の条件が整わなかったため。');
    expect(await dialog.getByRole('button', { name: '取り下げる' }).isEnabled()).toBe(true);
    await checkScreen(page, '13b-withdraw-stale');
    // The refusal offers the reload it asks for: the dialog hides the page behind it.
    await readSideShows(system, id, 'under_review');
    await dialog.getByRole('alert').getByRole('button', { name: '画面を再読み込みする' }).click();
    await page.getByTestId('status').getByText('審査中').waitFor();
    await page.getByRole('button', { name: '申請を取り下げる…' }).click();
    await dialog.getByLabel('取下げの理由').fill('融資の条件が整わなかったため。');
    await dialog.getByRole('button', { name: '取り下げる' }).click();
    await page.getByTestId('status').getByText('取下げ').waitFor();
    expect(await page.locator('main').textContent()).toContain('理由：融資の条件が整わなかったため。');
    expect(await page.locator('main').textContent()).toContain('取下げ日時：2025/06/02 14:00');
    expect(await page.getByRole('button', { name: '申請を取り下げる…' }).count()).toBe(0);
    // Nothing is awaited any more: no decision due date, and the reviews it had stay shown.
    expect(await page.getByTestId('decision-due').count()).toBe(0);
    // None will come now: the empty list no longer says まだ.
    await page.getByText('提出された書類はありません。', { exact: true }).waitFor();
    await checkScreen(page, '14-withdrawn');
  });
});
