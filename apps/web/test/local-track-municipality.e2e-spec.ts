import type { Page } from 'playwright-core';
import { completePlan } from '../../api/test/workflow-client';
import { municipalityOf, openBudget, pdfBytes, programOfficerOf, readSideShows } from './support/award-setup';
import { focusedId } from './support/page-state';
import { checkScreen } from './support/screens';
import { useRunningSystem } from './support/running-system';
import { signInAsMunicipality } from './support/sign-in';

// Each test walks a whole task through the browser and axe; a shared two-core machine can be slow.
jest.setTimeout(180_000);

const PROJECT = '商店街の空き店舗を使ったチャレンジショップ';

/**
 * The municipality's own steps on the local track (地方単独事業), in the browser: it records its
 * local confirmation, reports to MIC with its 補助要綱, reads the programme officer's return with
 * its reason, reports again, and reads the acknowledgement. The officer answers over the API
 * (their screens have a suite of their own).
 */
describe('Local track: the municipality confirms locally, reports to MIC and reads the answer, in a real browser', () => {
  const system = useRunningSystem('2025-06-02T10:00:00+09:00');
  let page: Page;
  let id: string;

  /** Uploads one file through the application screen's 添付書類 form and waits for its receipt. */
  async function upload(kind: string, name: string, bytes: Buffer): Promise<void> {
    await page.getByLabel('書類の種類').selectOption({ label: kind });
    await page.getByLabel('ファイル').setInputFiles({ name, mimeType: 'application/pdf', buffer: bytes });
    await page.getByRole('button', { name: 'アップロードする' }).click();
    await page.getByTestId('document-receipt').getByText(name).waitFor();
  }

  /** The application screen as the municipality opens it once the read side has caught up. */
  async function openApplication(status: string): Promise<void> {
    await readSideShows(system, id, status);
    await page.goto(`${system.baseUrl}/applications/${id}`);
    await page.getByTestId('local-step').waitFor();
  }

  beforeAll(async () => {
    await openBudget(system, 2025, 100_000_000);
    const created = await municipalityOf(system).post('/v1/applications', {
      plan: { ...completePlan(), track: 'local', projectTitle: PROJECT },
    });
    id = String(created.id);
    await readSideShows(system, id, 'draft');
    page = await system.newPage();
    await signInAsMunicipality(page, system.baseUrl);
  });

  it('records the local confirmation: a lapsed session keeps what was typed, a future date is refused at its field, then it is recorded', async () => {
    // The plan editor sends a local-track draft to the application screen, not to a submission.
    await page.goto(`${system.baseUrl}/applications/${id}/edit`);
    await page.getByRole('heading', { name: '申請の作成' }).waitFor();
    expect(await page.getByRole('button', { name: /提出する/ }).count()).toBe(0);
    await page.getByRole('button', { name: '保存して地域での確認・報告へ進む' }).click();
    await page.getByRole('heading', { name: PROJECT }).waitFor();
    const step = page.getByTestId('local-step');
    await step.getByTestId('local-status').getByText('下書き').waitFor();
    expect(await page.getByRole('heading', { name: '審査の状況' }).count()).toBe(0);

    const form = page.getByTestId('local-confirmation-form');
    await form.getByRole('heading', { name: '地域での確認（専門家審査・商工会議所等の確認）' }).waitFor();
    await form.getByRole('button', { name: '地域での確認を記録する' }).click();
    await form
      .locator('#field-local-by-error')
      .getByText('確認した者（審査会・団体の名称）を入力してください。')
      .waitFor();
    expect(await form.getByRole('alert').getByRole('link').count()).toBe(12);

    await upload('有識者の審査・商工会議所等の確認の記録', '有識者審査結果.pdf', pdfBytes(30_000, 5));
    await form.getByLabel('有識者の審査（専門家による審査）').check();
    await form.getByLabel('確認した者').fill('遠野市地域経済循環審査会');
    await form.getByLabel('確認日').fill('2025-06-10');
    expect(await form.locator('#field-local-on-hint').textContent()).toContain(
      '令和7年6月10日(火)（2025年6月10日）',
    );
    for (const requirement of ['local_resources', 'public_challenge', 'regional_financing', 'novelty']) {
      const fieldset = form.getByTestId(`local-requirement-${requirement}`);
      await fieldset.getByLabel('満たす', { exact: true }).check();
      await fieldset
        .getByLabel('コメント')
        .fill(
          requirement === 'novelty' ? '既存店舗の業態転換にとどまる。' : '地域の課題に応える計画である。',
        );
    }
    // The new upload appears among the choices without leaving the screen.
    await form.getByLabel(/有識者審査結果\.pdf/).check();

    // From here the officer's writes carry an expired token, as after a long lunch: the real API answers 401.
    const expired = await system.expiredToken('municipality-032077', 'municipality', '032077');
    await page.route('**/v1/applications/*/local-confirmation', (route) =>
      route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${expired}` } }),
    );
    await form.getByRole('button', { name: '地域での確認を記録する' }).click();
    const dialog = page.getByRole('dialog', { name: 'もう一度サインインしてください' });
    await dialog.waitFor();
    await page.unrouteAll();
    await dialog.getByRole('button', { name: 'サインイン' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await form.getByLabel('確認した者').inputValue()).toBe('遠野市地域経済循環審査会');
    expect(await form.getByTestId('local-requirement-novelty').getByLabel('コメント').inputValue()).toBe(
      '既存店舗の業態転換にとどまる。',
    );

    await form.getByRole('button', { name: '地域での確認を記録する' }).click();
    await form
      .locator('#field-local-on-error')
      .getByText(
        '確認日に今日（令和7年6月2日(月)）より後の日付は入力できません。審査・確認を行った日を入力してください。',
      )
      .waitFor();
    await form
      .getByRole('alert')
      .getByRole('link', { name: /確認日に今日（令和7年6月2日\(月\)）より後の日付/ })
      .waitFor();
    // The local track has no 採否: its withdrawal is open until MIC acknowledges the report.
    await page
      .getByText('総務省に受理される前であれば、理由を添えて申請を取り下げられます。', { exact: false })
      .waitFor();
    await checkScreen(page, '95-local-confirmation-refused');

    // The experts judged novelty not met: recorded as given (the report will refuse it).
    await form.getByLabel('確認日').fill('2025-05-28');
    await form.getByTestId('local-requirement-novelty').getByLabel('満たさない').check();
    await form.getByRole('button', { name: '地域での確認を記録する' }).click();
    await step.getByTestId('local-step-done').getByText('地域での確認を記録しました。').waitFor();
    await step.getByTestId('local-status').getByText('自治体確認済み').waitFor();
    // Recorded, but a requirement judged not met cannot be reported: the confirmation is still
    // the step to take (the plan revised, the confirmation recorded again), not the report.
    expect(
      await step
        .getByRole('list', { name: '地方単独事業の手続の進み具合' })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual([
      '事業計画の作成（済み）',
      '地域での確認（現在の手続）',
      '総務省へ報告（未了）',
      '総務省の受理（未了）',
    ]);
    const record = step.getByTestId('local-confirmation-record');
    expect(await record.textContent()).toContain('令和7年5月28日(水)（2025年5月28日）');
    expect(await record.getByRole('row', { name: /新規性/ }).textContent()).toContain('満たさない');
  });

  it('reports to MIC: refused while a requirement is judged not met, then reported once the confirmation is recorded again', async () => {
    const step = page.getByTestId('local-step');
    await upload('補助要綱', '補助要綱.pdf', pdfBytes(20_000, 6));
    const report = step.getByTestId('report-to-mic-form');
    expect(await step.getByTestId('local-step-done').textContent()).toBe('地域での確認を記録しました。');
    await report.getByRole('button', { name: '総務省へ報告する' }).click();
    await report
      .locator('#field-scheme-rules-error')
      .getByText('補助要綱を、提出済みの書類から選んでください。')
      .waitFor();
    // The 補助要綱 are the choices; the confirmation record, sent as another kind, waits behind a disclosure.
    const rulesChoice = report.locator('#field-scheme-rules');
    expect(await rulesChoice.getByRole('radio').count()).toBe(1);
    await rulesChoice.getByText('ほかの種類の書類から選ぶ（1件）').waitFor();
    await report.getByLabel(/^補助要綱\.pdf/).check();
    await report.getByRole('button', { name: '総務省へ報告する' }).click();
    const refusal = report.getByRole('alert');
    await refusal
      .getByRole('heading', { name: '総務省へ報告できません。次の項目を確認してください。' })
      .waitFor();
    const link = refusal.getByRole('link', {
      name: /「新規性」を満たさないと判定されているため、報告できません。/,
    });
    await link.click();
    expect(await focusedId(page)).toBe('recorded-assessment-novelty');
    expect(await page.locator('#recorded-assessment-novelty .field__error').textContent()).toBe(
      '地域での確認で「新規性」を満たさないと判定されているため、報告できません。',
    );
    // The confirmation's 記録しました no longer stands above the refusal to report.
    expect(await step.getByTestId('local-step-done').count()).toBe(0);
    // A confirmation that judges a requirement not met is still the step to take, and says so.
    expect(
      await step
        .getByRole('list', { name: '地方単独事業の手続の進み具合' })
        .locator('[aria-current="step"]')
        .textContent(),
    ).toContain('地域での確認');
    expect(await step.getByTestId('local-next-step').textContent()).toBe(
      '地域での確認で「満たさない」と判定された要件があるため、このままでは総務省へ報告できません。事業計画を見直し、地域での確認を記録し直してください。',
    );
    await checkScreen(page, '96-report-to-mic-refused');

    await step.getByRole('button', { name: '地域での確認を記録し直す' }).click();
    const form = step.getByTestId('local-confirmation-form');
    expect(await form.getByLabel('確認した者').inputValue()).toBe('遠野市地域経済循環審査会');
    const novelty = form.getByTestId('local-requirement-novelty');
    await novelty.getByLabel('満たす', { exact: true }).check();
    await novelty.getByLabel('コメント').fill('再審査の結果、地域初の業態であることを確認した。');
    await form.getByRole('button', { name: '地域での確認を記録する' }).click();
    await step.getByTestId('local-step-done').getByText('地域での確認を記録しました。').waitFor();
    // Every requirement met: the confirmation is done and the report to MIC is the step now.
    await step
      .getByRole('list', { name: '地方単独事業の手続の進み具合' })
      .locator('[aria-current="step"]')
      .getByText('総務省へ報告')
      .waitFor();
    expect(await step.getByTestId('local-next-step').textContent()).toBe(
      '補助要綱を「添付書類」から提出し、総務省へ報告してください。',
    );

    await report.getByLabel(/^補助要綱\.pdf/).check();
    await report.getByRole('button', { name: '総務省へ報告する' }).click();
    await step.getByTestId('local-step-done').getByText('総務省へ報告しました。').waitFor();
    await step.getByTestId('local-status').getByText('総務省へ報告済み').waitFor();
    await step
      .getByTestId('local-next-step')
      .getByText('総務省の担当官の確認（受理又は差戻し）を待っています。')
      .waitFor();
    expect(await step.getByTestId('mic-report').textContent()).toContain('第1回');
    await step.getByTestId('mic-report').getByRole('link', { name: '補助要綱.pdf' }).waitFor();
    expect(await step.getByTestId('report-to-mic-form').count()).toBe(0);
    await checkScreen(page, '97-reported-to-mic');
  });

  it('reads the return with its reason, sends a corrected 補助要綱 and reports again', async () => {
    await programOfficerOf(system).post(`/v1/applications/${id}/acknowledgement`, {
      outcome: 'returned',
      reason: '補助要綱に補助率の記載がありません。',
    });
    await openApplication('returned');
    const step = page.getByTestId('local-step');
    await step.getByTestId('local-status').getByText('差戻し').waitFor();
    const answer = step.getByTestId('mic-answer');
    await answer.getByRole('heading', { name: '総務省から差し戻されました' }).waitFor();
    expect(await answer.getByTestId('mic-answer-reason').textContent()).toBe(
      '補助要綱に補助率の記載がありません。',
    );
    await step
      .getByTestId('local-next-step')
      .getByText(/もう一度総務省へ報告してください/)
      .waitFor();
    await step.getByRole('link', { name: '事業計画を修正する' }).waitFor();
    await step.getByRole('heading', { name: '総務省へ再度報告' }).waitFor();
    // The 補助要綱 the returned report named is chosen again unless another is: said beside it.
    const report = step.getByTestId('report-to-mic-form');
    await report
      .getByTestId('same-scheme-rules')
      .getByText(/差し戻された報告と同じ補助要綱が選ばれています。/)
      .waitFor();
    await checkScreen(page, '98-local-report-returned');

    await upload('補助要綱', '補助要綱（補助率を追記）.pdf', pdfBytes(21_000, 7));
    await report.getByLabel(/補助要綱（補助率を追記）\.pdf/).check();
    expect(await report.getByTestId('same-scheme-rules').count()).toBe(0);
    await report.getByRole('button', { name: '総務省へ再度報告する' }).click();
    await step.getByTestId('local-step-done').getByText('総務省へ再度報告しました。').waitFor();
    await step.getByTestId('local-status').getByText('総務省へ報告済み').waitFor();
    expect(await step.getByTestId('mic-report').textContent()).toContain('第2回');
    await step
      .getByTestId('mic-report')
      .getByRole('link', { name: '補助要綱（補助率を追記）.pdf' })
      .waitFor();
    expect(await step.getByTestId('mic-answer').count()).toBe(0);
  });

  it('reads the acknowledgement (受理): every step done, no withdrawal offered', async () => {
    await readSideShows(system, id, 'reported_to_mic');
    await programOfficerOf(system).post(`/v1/applications/${id}/acknowledgement`, {
      outcome: 'acknowledged',
      reason: '記載事項に不足なし。',
    });
    await openApplication('acknowledged');
    const step = page.getByTestId('local-step');
    await step.getByTestId('local-status').getByText('受理').waitFor();
    const answer = step.getByTestId('mic-answer');
    await answer.getByRole('heading', { name: '総務省に受理されました' }).waitFor();
    expect(await answer.getByTestId('mic-answer-reason').textContent()).toBe('記載事項に不足なし。');
    expect(await answer.textContent()).toContain('総務省からのコメント：記載事項に不足なし。');
    expect(await answer.textContent()).toContain('第2回の報告への回答');
    // The return that report 2 answered stays readable, with what was missing.
    expect(await step.getByTestId('earlier-returns').locator('li').allTextContents()).toEqual([
      expect.stringMatching(
        /^第1回の報告への差戻し（\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}）：補助要綱に補助率の記載がありません。$/,
      ),
    ]);
    // The heading says it was acknowledged; the next step says only that nothing is left.
    expect(await step.getByTestId('local-next-step').textContent()).toBe(
      '地方単独事業の手続はすべて完了しました。',
    );
    expect(await step.locator('.steps__done').count()).toBe(4);
    expect(await step.locator('[aria-current="step"]').count()).toBe(0);
    expect(await step.getByRole('form').count()).toBe(0);
    expect(await page.getByRole('button', { name: '申請を取り下げる…' }).count()).toBe(0);
    await checkScreen(page, '99-local-report-acknowledged');
  });
});
