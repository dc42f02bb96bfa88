import type { Page } from 'playwright-core';
import { allMet, completePlan } from '../../api/test/workflow-client';
import {
  municipalityOf,
  openBudget,
  pdfBytes,
  readSideShows,
  signInAsProgramOfficer,
  uploadThroughApi,
} from './support/award-setup';
import { checkScreen } from './support/screens';
import { signInWithRole } from './support/sign-in-as';
import { useRunningSystem, type RunningSystem } from './support/running-system';

/** A local-track project confirmed by the municipality's own experts and reported to MIC with its 補助要綱, through the API. */
async function reportedToMic(system: RunningSystem, projectTitle: string): Promise<string> {
  const municipality = municipalityOf(system);
  const created = await municipality.post('/v1/applications', {
    plan: { ...completePlan(), track: 'local', projectTitle },
  });
  const id = String(created.id);
  const record = await uploadThroughApi(
    system,
    id,
    '有識者審査結果.pdf',
    pdfBytes(30_000, 5),
    'local_confirmation',
  );
  const rules = await uploadThroughApi(system, id, '補助要綱.pdf', pdfBytes(20_000, 6), 'scheme_rules');
  await municipality.post(`/v1/applications/${id}/local-confirmation`, {
    kind: 'expert_review',
    by: '地域経済循環審査会',
    on: '2025-06-02',
    assessments: allMet('local'),
    documentId: record.documentId,
  });
  await municipality.post(`/v1/applications/${id}/report-to-mic`, {
    schemeRulesDocumentId: rules.documentId,
  });
  return id;
}

// Each test walks a whole task through two browsers and axe; a shared two-core machine can be slow.
jest.setTimeout(180_000);

describe('Local track: the programme officer acknowledges or returns a report to MIC, in a real browser', () => {
  const system = useRunningSystem('2025-06-02T10:00:00+09:00');
  let officer: Page;
  let toReturn: string;
  let toAcknowledge: string;

  beforeAll(async () => {
    await openBudget(system, 2025, 100_000_000);
    toReturn = await reportedToMic(system, '商店街の空き店舗を使ったチャレンジショップ');
    toAcknowledge = await reportedToMic(system, '間伐材を使った木工品の製造');
    await readSideShows(system, toReturn, 'reported_to_mic');
    await readSideShows(system, toAcknowledge, 'reported_to_mic');
    officer = await system.newPage();
    await signInAsProgramOfficer(officer, system.baseUrl);
  });

  it('returns a report, naming what is missing', async () => {
    await officer
      .getByRole('navigation', { name: '業務メニュー' })
      .getByRole('link', { name: '地方単独事業の報告' })
      .click();
    await officer.getByRole('heading', { name: '地方単独事業の報告' }).waitFor();
    const row = officer.getByRole('row', { name: /商店街の空き店舗を使ったチャレンジショップ/ });
    await row.waitFor();
    expect(await officer.getByTestId('local-reports').getByRole('row').count()).toBe(3);
    await checkScreen(officer, '85-local-reports');

    await row.getByRole('link').click();
    await officer.getByRole('heading', { name: '有識者の審査' }).waitFor();
    expect(await officer.getByTestId('local-report').textContent()).toContain('第1回');
    // Both figures read in 万円 as well, side by side.
    expect(await officer.getByTestId('special-tax-share').textContent()).toBe('10,000,000円（1,000万円）');
    await officer.getByTestId('local-report').getByRole('link', { name: '補助要綱.pdf' }).waitFor();
    await officer.getByLabel('差し戻す（不足を示す）').check();
    await officer.getByRole('button', { name: '決定する' }).click();
    await officer
      .locator('#field-mic-reason-error')
      .getByText('差し戻す理由（不足している内容）を入力してください。')
      .waitFor();
    await checkScreen(officer, '86-local-report-return-refused');
    await officer.getByLabel('理由').fill('補助要綱に補助率の記載がありません。');
    await officer.getByRole('button', { name: '決定する' }).click();
    await officer.getByTestId('acknowledgement-done').getByText('差し戻しました。').waitFor();
    await officer.getByTestId('local-status').getByText('差戻し').waitFor();
    // The answer says which report it answered, and when, as the municipality's screen does.
    expect(await officer.getByTestId('local-report').textContent()).toMatch(
      /差戻し：補助要綱に補助率の記載がありません。（第1回の報告への回答・\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}）/,
    );
    await checkScreen(officer, '87-local-report-returned');
  });

  it('acknowledges a report', async () => {
    await officer.goto(`${system.baseUrl}/local-track/${toAcknowledge}`);
    await officer.getByLabel('受理する').check();
    await officer.getByLabel('理由').fill('記載事項に不足なし。');
    await officer.getByRole('button', { name: '決定する' }).click();
    await officer.getByTestId('acknowledgement-done').getByText('受理しました。').waitFor();
    await officer.getByTestId('local-status').getByText('受理').waitFor();
    await checkScreen(officer, '88-local-report-acknowledged');

    await readSideShows(system, toAcknowledge, 'acknowledged');
    await officer.goto(`${system.baseUrl}/local-track`);
    await officer.getByRole('button', { name: '受理済み', exact: true }).click();
    await officer.getByRole('row', { name: /間伐材を使った木工品の製造/ }).waitFor();
    expect(await officer.getByRole('row', { name: /商店街の空き店舗/ }).count()).toBe(0);
  });

  it("sums the year's local reports for the auditor: reported, acknowledged, returned and their grants", async () => {
    const auditor = await system.newPage();
    await signInWithRole(auditor, system.baseUrl, '監査担当', '会計 検子');
    const expected = ['2件', '1件', '1件', '0件', '40,000,000円'];
    let cells: string[] = [];
    // The statistics are read as the projector has folded the two decisions: asked again until it has.
    for (let attempt = 0; attempt < 50 && cells.join() !== expected.join(); attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      await auditor.goto(`${system.baseUrl}/audit/statistics`);
      const total = auditor.getByTestId('table-local-track').getByRole('row', { name: /年度計/ });
      await total.waitFor();
      cells = await total.getByRole('cell').allTextContents();
    }
    expect(cells).toEqual(expected);
    const june = auditor.getByTestId('table-local-track').getByRole('row', { name: /2025年6月締切回/ });
    expect(await june.getByRole('cell').allTextContents()).toEqual(expected);
  });
});
