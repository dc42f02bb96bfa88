import { allMet, TONO } from '../../../api/test/workflow-client';
import type { RunningSystem } from './running-system';

/** The municipality 032077's plan: G 30,000,000 + L 50,000,000 + S 10,000,000 = 90,000,000 facility; rate 3/4 (as the API's after-adoption spec). */
export const awardPlan = (projectTitle = '地元産ホップのクラフトビール醸造所') => ({
  business: { name: '株式会社とおの醸造', corporateNumber: '1234567890123' },
  projectTitle,
  summary: '遠野産ホップを使った醸造所の新設',
  municipality: { disadvantagedArea: true, fiscalStrengthIndex: 0.21 },
  costs: [{ category: 'facility', amount: 90_000_000, description: '醸造所の新設' }],
  funding: {
    grant: 30_000_000,
    loan: { amount: 50_000_000, lenderType: 'shinkin_bank', lenderName: '遠野信用金庫', secured: false },
    ownFunds: 10_000_000,
  },
  priorityCategories: [],
  schedule: { start: '2025-07-01', completion: '2026-03-20' },
});

export const municipalityOf = (system: RunningSystem) => system.as(`officer-${TONO}`, 'municipality', TONO);
export const programOfficerOf = (system: RunningSystem) => system.as('mic-tanaka', 'program_officer');

/** A draft of municipality 032077, made through the API as the municipality's officer would. */
export async function draftOf(system: RunningSystem, projectTitle: string): Promise<string> {
  const created = await municipalityOf(system).post('/v1/applications', { plan: awardPlan(projectTitle) });
  return String(created.id);
}

/** The budget opened, the plan submitted, reviewed by two experts who recommend adoption, and adopted by the programme officer. */
export async function adoptedApplication(system: RunningSystem, projectTitle: string): Promise<string> {
  const officer = programOfficerOf(system);
  const id = await draftOf(system, projectTitle);
  await municipalityOf(system).post(`/v1/applications/${id}/submit`);
  for (const reviewer of ['reviewer-sato', 'reviewer-suzuki']) {
    await officer.post(`/v1/applications/${id}/reviewers`, { reviewerId: reviewer });
    const expert = system.as(reviewer, 'reviewer');
    await expert.post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: false });
    await expert.post(`/v1/applications/${id}/reviews`, {
      assessments: allMet(),
      recommendation: 'adopt',
      comment: '地域資源の活用が明確。',
    });
  }
  await officer.post(`/v1/applications/${id}/decision`, {
    outcome: 'adopted',
    reason: '要件をすべて満たす。',
  });
  return id;
}

/**
 * Waits until the read side's answer for the application (as a programme officer reads it)
 * meets `test`; projections lag writes by a moment. `what` names the wait when it never ends.
 */
export async function readSideMeets(
  system: RunningSystem,
  id: string,
  test: (answer: Record<string, unknown>) => boolean,
  what: string,
): Promise<void> {
  const officer = programOfficerOf(system);
  for (let attempt = 0; attempt < 100; attempt++) {
    const answer = await officer.get(`/v1/applications/${id}`).catch(() => ({}) as Record<string, unknown>);
    if (test(answer)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the read side never showed ${id} ${what}`);
}

/** Waits until the read side shows the application in this status. */
export const readSideShows = (system: RunningSystem, id: string, status: string): Promise<void> =>
  readSideMeets(system, id, (answer) => answer.status === status, `as ${status}`);

/** Uploads one file through the multipart route, as the municipality's officer; answers the receipt. */
export async function uploadThroughApi(
  system: RunningSystem,
  id: string,
  name: string,
  bytes: Buffer,
  kind = 'evidence',
): Promise<Record<string, unknown>> {
  const { token } = (await (
    await fetch(`${system.baseUrl}/v1/auth/dev-tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        sub: `officer-${TONO}`,
        name: `officer-${TONO}`,
        roles: ['municipality'],
        municipalityCode: TONO,
      }),
    })
  ).json()) as { token: string };
  const body = new FormData();
  body.append('kind', kind);
  body.append('file', new Blob([bytes]), name);
  const response = await fetch(`${system.baseUrl}/v1/applications/${id}/documents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body,
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (response.status !== 201)
    throw new Error(`upload of ${name} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/** Bytes that the API's content check finds to be a PDF (its magic number), padded to the size asked. */
export function pdfBytes(size: number, seed = 1): Buffer {
  const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const body = Buffer.alloc(Math.max(0, size - head.length));
  for (let index = 0; index < body.length; index++) body[index] = (index * 31 + seed * 7) % 251;
  return Buffer.concat([head, body]).subarray(0, size);
}

/** PUT /v1/fiscal-years/{fy}/budget as the programme officer: adoption needs a budget to commit. */
export async function openBudget(
  system: RunningSystem,
  fiscalYear: number,
  nationalBudget: number,
): Promise<void> {
  await setBudget(system, fiscalYear, nationalBudget, true);
}

/** The fiscal year's budget and whether its intake is open, set by the programme officer through the API. */
export async function setBudget(
  system: RunningSystem,
  fiscalYear: number,
  nationalBudget: number,
  intakeOpen: boolean,
): Promise<void> {
  const { token } = (await (
    await fetch(`${system.baseUrl}/v1/auth/dev-tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sub: 'mic-tanaka', name: 'mic-tanaka', roles: ['program_officer'] }),
    })
  ).json()) as { token: string };
  const response = await fetch(`${system.baseUrl}/v1/fiscal-years/${fiscalYear}/budget`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ nationalBudget, intakeOpen }),
  });
  if (!response.ok) throw new Error(`the budget answered ${response.status}: ${await response.text()}`);
}

/** Signs in through the dev chooser as the programme officer (総務省 担当官), as a person would. */
export async function signInAsProgramOfficer(
  page: import('playwright-core').Page,
  baseUrl: string,
  name = '総務 太郎',
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { name: 'サインイン' }).waitFor();
  await page.getByLabel('総務省 担当官').check();
  await page.getByLabel('氏名').fill(name);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.getByRole('button', { name: 'サインアウト' }).waitFor();
}
