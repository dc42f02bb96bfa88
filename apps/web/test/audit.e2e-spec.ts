import { readFileSync } from 'node:fs';
import type { Page, Route } from 'playwright-core';
import { allMet, completePlan, TONO } from '../../api/test/workflow-client';
import { readsOf } from './support/reads-of';
import { checkScreen } from './support/screens';
import { useRunningSystem, type RunningSystem } from './support/running-system';
import { signInAsMunicipality } from './support/sign-in';
import { signInWithRole } from './support/sign-in-as';

const TITLE = '遠野ホップの醸造所と直売所';
const REVISION_REASON = '販路計画を具体的に記載してください。';

interface HistoryItem {
  readonly revision: number;
  readonly type: string;
  readonly recordedAt: string;
}

/** The instant as a datetime-local field holds it in Japan time, to the second. */
function tokyoLocal(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((one) => one.type === type)?.value ?? '';
  // As the browser writes the field's value: without the seconds when they are zero (Playwright's
  // fill() refuses a value the field would not keep as given).
  const seconds = part('second') === '00' ? '' : `:${part('second')}`;
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}${seconds}`;
}

/** The running system's ApiCaller sends POST and GET; the budget and a plan are PUT. */
async function put(
  system: RunningSystem,
  path: string,
  token: Promise<string>,
  body: unknown,
): Promise<void> {
  const response = await fetch(`${system.baseUrl}${path}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${await token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PUT ${path} answered ${response.status}: ${await response.text()}`);
}

async function devToken(
  system: RunningSystem,
  sub: string,
  role: string,
  municipalityCode?: string,
): Promise<string> {
  const response = await fetch(`${system.baseUrl}/v1/auth/dev-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      sub,
      name: sub,
      roles: [role],
      ...(municipalityCode ? { municipalityCode } : {}),
    }),
  });
  return ((await response.json()) as { token: string }).token;
}

/**
 * One application's whole story through the API, as the other people would write it: submitted
 * in June, reviewed, sent back for revision, resubmitted into the July round, reviewed again
 * and adopted. A second passes after the revision request, so the instant it was recorded
 * shows the application before the resubmission.
 */
async function adoptedAfterRevision(system: RunningSystem): Promise<string> {
  const municipality = system.as(`officer-${TONO}`, 'municipality', TONO);
  const municipalityToken = devToken(system, `officer-${TONO}`, 'municipality', TONO);
  const officer = system.as('mic-tanaka', 'program_officer');
  const reviewers = ['reviewer-sato', 'reviewer-suzuki'];
  const at = (iso: string) => system.clock.set(iso);

  at('2025-06-02T10:00:00+09:00');
  const created = await municipality.post('/v1/applications', {
    plan: { ...completePlan(), projectTitle: TITLE },
  });
  const id = String(created.id);
  at('2025-06-05T15:30:00+09:00');
  await municipality.post(`/v1/applications/${id}/submit`);

  const review = async (recommendation: 'revise' | 'adopt') => {
    for (const reviewer of reviewers) {
      await officer.post(`/v1/applications/${id}/reviewers`, { reviewerId: reviewer });
      const expert = system.as(reviewer, 'reviewer');
      await expert.post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: false });
      await expert.post(`/v1/applications/${id}/reviews`, {
        assessments: allMet(),
        recommendation,
        comment: recommendation === 'revise' ? '販路の見通しが不明確。' : '地域資源を活かした計画。',
      });
    }
  };
  at('2025-06-12T09:00:00+09:00');
  await review('revise');
  at('2025-06-20T11:00:00+09:00');
  await officer.post(`/v1/applications/${id}/revision-requests`, { reason: REVISION_REASON });
  await new Promise((resolve) => setTimeout(resolve, 1_100));

  at('2025-06-25T16:00:00+09:00');
  await put(system, `/v1/applications/${id}/plan`, municipalityToken, {
    plan: {
      ...completePlan(),
      projectTitle: TITLE,
      summary: '遠野産ホップの醸造所。販路は県内の観光施設3か所と契約済み。',
    },
  });
  await municipality.post(`/v1/applications/${id}/resubmit`);
  at('2025-07-14T10:00:00+09:00');
  await review('adopt');
  at('2025-07-15T14:00:00+09:00');
  await officer.post(`/v1/applications/${id}/decision`, {
    outcome: 'adopted',
    reason: '地域資源を活かし、販路も具体的である。',
  });
  return id;
}

const REVIEW_CYCLE = ['ReviewerAssigned', 'ConflictOfInterestDeclared', 'ReviewSubmitted'];
/** The application's events in order, as the story above writes them. */
const STORY = [
  'ApplicationCreated',
  'ApplicationSubmitted',
  ...REVIEW_CYCLE,
  ...REVIEW_CYCLE,
  'RevisionRequested',
  'ApplicationPlanReplaced',
  'ApplicationResubmitted',
  ...REVIEW_CYCLE,
  ...REVIEW_CYCLE,
  'ApplicationAdopted',
];

async function historyOnceAdopted(system: RunningSystem, id: string): Promise<HistoryItem[]> {
  const auditor = system.as('auditor-kaikei', 'auditor');
  let items: HistoryItem[] = [];
  for (let attempt = 0; attempt < 100; attempt++) {
    const application = await auditor
      .get(`/v1/applications/${id}`)
      .catch(() => ({}) as Record<string, unknown>);
    const history = await auditor
      .get(`/v1/applications/${id}/history`)
      .catch(() => ({}) as Record<string, unknown>);
    items = (history.items ?? []) as HistoryItem[];
    if (application.status === 'adopted' && items.at(-1)?.type === 'ApplicationAdopted') return items;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `the read side never showed ${id} adopted; its history: ${items.map((item) => item.type).join(', ')}`,
  );
}

describe('An auditor in a real browser: the timeline, the application before its revision request, integrity, downloads and statistics', () => {
  const system = useRunningSystem('2025-06-02T10:00:00+09:00');
  let page: Page;
  let id: string;
  let history: HistoryItem[];

  beforeAll(async () => {
    await put(system, '/v1/fiscal-years/2025/budget', devToken(system, 'mic-tanaka', 'program_officer'), {
      nationalBudget: 100_000_000,
      intakeOpen: true,
    });
    id = await adoptedAfterRevision(system);
    history = await historyOnceAdopted(system, id);
    expect(history.map((event) => event.type)).toEqual(STORY);
    page = await system.newPage();
    await signInWithRole(page, system.baseUrl, '監査担当', '会計 検子');
    // The auditor's first screen is their home.
    await page.getByRole('heading', { name: '申請の検索（監査）' }).waitFor();
  });

  it('finds the application among every municipality’s, and reads its timeline in Japanese with each event’s hash', async () => {
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await row.getByText('久慈市').waitFor();
    await row.getByText('採択').waitFor();
    // The national share in 万円 below the yen, as the requested grant beside it.
    expect(await row.getByTestId('national-share').textContent()).toBe('15,000,000円1,500万円');
    await checkScreen(page, 'audit-01-applications');

    // 団体コード as a Japanese keyboard types it, in full-width digits: searched as 032077.
    const code = page.getByLabel('団体コード（6桁）');
    const search = page.getByRole('button', { name: 'この条件で検索' });
    await code.fill('０３２０７');
    await search.click();
    await page
      .locator('#filter-municipality-code-error')
      .getByText('団体コードは6桁の数字で入力してください')
      .waitFor();
    await code.fill('０３２０７７');
    const searched = page.waitForRequest((request) => request.url().includes('municipalityCode=032077'));
    await search.click();
    await searched;
    await page.locator('#filter-municipality-code-error').waitFor({ state: 'detached' });
    await row.getByText('久慈市').waitFor();
    const reads = readsOf(page, /^\/v1\/applications\/[^/]+(\/state)?$/);
    await row.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: `申請の監査：${TITLE}` }).waitFor();

    const events = page.getByTestId('timeline-event');
    await page.getByRole('heading', { name: `履歴（全${STORY.length}件の記録）` }).waitFor();
    expect(await events.count()).toBe(STORY.length);
    const request = events.filter({ has: page.getByRole('heading', { name: /修正依頼/ }) });
    const requestText = (await request.textContent()) ?? '';
    expect(requestText).toContain('令和7年6月20日(金) 11:00:00（2025年6月20日）');
    expect(requestText).toContain('mic-tanaka（総務省 担当官）');
    expect(requestText).toContain(REVISION_REASON);
    expect(requestText).toMatch(/[0-9a-f]{64}/);
    // The data as recorded keeps its UTC instants (…Z); the timeline above it is in Japan time.
    expect(requestText).toContain('日時は UTC（日本時間 − 9時間）');
    expect(requestText).toContain('"requestedAt": "2025-06-20T02:00:00.000Z"');
    expect(await events.first().getByRole('heading').textContent()).toContain('申請の作成（下書き）');
    expect(await events.last().getByRole('heading').textContent()).toContain('採択');
    await page.getByTestId('state-status').getByText('採択').waitFor();
    // The latest state names the application and is the one first shown: read once, beside the history.
    expect(reads.stop().map((path) => path.replace(/[0-9a-f-]{36}/, '{id}'))).toEqual([
      '/v1/applications/{id}/state',
    ]);
    await checkScreen(page, 'audit-02-timeline');
  });

  it('moves the slider back to before the revision request and sees the application under review, then picks the request’s instant', async () => {
    const request = history.find((event) => event.type === 'RevisionRequested')!;
    const before = request.revision - 1;
    const slider = page.getByLabel(/版を選ぶ/);
    await slider.focus();
    for (let step = history.length - 1; step > before; step--) await page.keyboard.press('ArrowLeft');
    await page.getByTestId('slider-position').getByText(`第${before}版 審査結果の提出`).waitFor();
    await page
      .getByTestId('state-revision')
      .getByText(`第${before}版（最後の記録：審査結果の提出）`)
      .waitFor();
    await page.getByTestId('state-status').getByText('審査中').waitFor();
    expect(await page.getByTestId('state-revision-request').count()).toBe(0);
    expect(await page.getByTestId('state-reviews').textContent()).toBe(
      '第1回の審査：審査結果2件（採択に必要な件数2件）',
    );
    expect(await slider.getAttribute('aria-valuetext')).toMatch(
      new RegExp(`^第${before}版 審査結果の提出、令和\\d+年.+（\\d{4}年\\d+月\\d+日）に記録$`),
    );
    // The date field follows the slider: the chosen revision's recorded instant, to adjust from.
    const chosen = history.find((event) => event.revision === before)!;
    expect(await page.getByLabel(/日時を指定する/).inputValue()).toBe(tokyoLocal(chosen.recordedAt));
    await checkScreen(page, 'audit-03-before-revision-request');

    // A time with zero seconds: the browser's value leaves them out, and it means that second, not the whole minute.
    const minute = tokyoLocal(request.recordedAt).slice(0, 16);
    const asked = page.waitForRequest((sent) => sent.url().includes('asOf='));
    await page.getByLabel(/日時を指定する/).fill(minute);
    await page.getByRole('button', { name: 'この日時の申請を表示' }).click();
    expect(new URL((await asked).url()).searchParams.get('asOf')).toBe(`${minute}:00.999+09:00`);
    await (await asked).response();

    // The request's own second, last: the screens after this one start from it.
    await page.getByLabel(/日時を指定する/).fill(tokyoLocal(request.recordedAt));
    await page.getByRole('button', { name: 'この日時の申請を表示' }).click();
    await page.getByTestId('state-status').getByText('修正依頼').waitFor();
    expect(await page.getByTestId('state-revision-request').textContent()).toBe(REVISION_REASON);
    expect(await page.getByTestId('state-revision').textContent()).toContain(`第${request.revision}版`);
  });

  it('verifies the application’s hash chain, showing progress while the server recomputes it, and says plainly that nothing was altered', async () => {
    // Held back a moment, so the progress bar can be seen before the verdict.
    await page.route('**/v1/audit/verifications', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });
    await page.getByRole('button', { name: '整合性を検証する' }).click();
    await page.getByRole('progressbar', { name: '検証の進み具合' }).waitFor();
    const verdict = page.getByTestId('integrity-result');
    await verdict.getByText('改ざんは見つかりませんでした。').waitFor();
    expect(await verdict.textContent()).toContain(`この申請の記録 ${STORY.length}件について`);
    expect(await page.getByRole('progressbar').count()).toBe(0);
    await page.unroute('**/v1/audit/verifications');
    await checkScreen(page, 'audit-04-verified');
  });

  it('downloads the year’s events as a CSV that opens in Excel with the Japanese intact, as NDJSON and the plan-vs-actual sheet, and verifies every chain in the store', async () => {
    await page
      .getByRole('navigation', { name: '業務メニュー' })
      .getByRole('link', { name: 'ダウンロード・整合性の検証' })
      .click();
    await page.getByRole('heading', { name: '監査用データのダウンロード' }).waitFor();
    expect(await page.getByLabel('年度').inputValue()).toBe('2025');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /記録をCSVでダウンロード/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('l10k-events-FY2025.csv');
    const bytes = readFileSync(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    const header = lines[0].split(',');
    const created = lines.find(
      (line) => line.includes(`application-${id}`) && line.includes(',ApplicationCreated,'),
    );
    // The columns before `data` hold no comma, so the created event's cells split plainly.
    const cells = created!.split(',');
    expect(cells[header.indexOf('actorMunicipalityName')]).toBe('久慈市');
    expect(cells[header.indexOf('actorSub')]).toBe(`officer-${TONO}`);
    await page
      .getByTestId('download-events-csv-state')
      .getByText('l10k-events-FY2025.csv を保存しました。')
      .waitFor();

    const [ndjson] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /記録をNDJSONでダウンロード/ }).click(),
    ]);
    const records = readFileSync(await ndjson.path(), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { streamId: string; type: string; hash: string });
    const ours = records.filter((record) => record.streamId === `application-${id}`);
    expect(ours.map((record) => record.type)).toEqual(history.map((event) => event.type));

    // No amount is confirmed yet this year: the sheet is its Japanese header alone, still with the BOM.
    const [sheet] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '計画と実績の対比表をダウンロード' }).click(),
    ]);
    expect(sheet.suggestedFilename()).toBe('l10k-plan-vs-actual-FY2025.csv');
    const sheetBytes = readFileSync(await sheet.path());
    expect([...sheetBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(sheetBytes.toString('utf8').slice(1).split('\r\n')[0]).toMatch(/^申請ID,団体,/);

    await page.getByRole('button', { name: '整合性を検証する' }).click();
    const verdict = page.getByTestId('integrity-result');
    await verdict.getByText('改ざんは見つかりませんでした。').waitFor();
    // This application's stream and the fiscal year's budget stream, at least.
    expect(await verdict.textContent()).toMatch(
      /^改ざんは見つかりませんでした。申請と年度予算（計[2-9]\d*件）の記録 \d+件について/,
    );
    await checkScreen(page, 'audit-05-downloads');
  });

  it('calls off a whole-store check the auditor leaves running, having said that leaving would', async () => {
    // Held back, as a decade of records would hold it: the auditor leaves before the answer.
    let held: Route | undefined;
    await page.route('**/v1/audit/verifications', (route) => {
      held = route;
    });
    const calledOff = page.waitForEvent('requestfailed', (request) =>
      request.url().endsWith('/v1/audit/verifications'),
    );
    await page.getByRole('button', { name: '整合性を検証する' }).click();
    await page.getByRole('progressbar', { name: '検証の進み具合' }).waitFor();
    await page.getByText('このページを離れると、検証は中止されます。').waitFor();
    await checkScreen(page, 'audit-05-verifying');
    await page
      .getByRole('navigation', { name: '業務メニュー' })
      .getByRole('link', { name: '月別の統計' })
      .click();
    expect((await calledOff).failure()?.errorText).toBe('net::ERR_ABORTED');
    expect(held).toBeDefined();
    await page.unroute('**/v1/audit/verifications');
  });

  it('shows the monthly statistics as charts, each with the same figures in a table', async () => {
    await page
      .getByRole('navigation', { name: '業務メニュー' })
      .getByRole('link', { name: '月別の統計' })
      .click();
    await page.getByRole('heading', { name: '月別の統計' }).waitFor();
    const counts = page.getByTestId('table-applications');
    const july = counts.getByRole('row', { name: /2025年7月締切回/ });
    await july.waitFor();
    expect(await july.getByRole('cell').allTextContents()).toEqual(['1件', '1件', '0件', '0件']);
    const june = counts.getByRole('row', { name: /2025年6月締切回/ });
    expect((await june.getByRole('cell').allTextContents())[0]).toBe('1件');
    // The one application, resubmitted from June into July, counts in both: the total says it is a sum of submissions.
    const total = counts.getByRole('row', { name: /年度計/ });
    expect((await total.getByRole('cell').allTextContents())[0]).toBe('2件');
    expect(await counts.locator('caption').textContent()).toContain('再提出を含む延べ件数');
    await page.getByTestId('budget-line').getByText('年度予算（国費）：100,000,000円').waitFor();
    const share = page.getByTestId('table-national-share').getByRole('row', { name: /2025年7月締切回/ });
    const [monthly, cumulative, ofBudget] = await share.getByRole('cell').allTextContents();
    expect(monthly).toMatch(/^[\d,]+円$/);
    expect(cumulative).toBe(monthly);
    expect(ofBudget).toMatch(/^\d+\.\d%$/);
    // The charts' code loads with this screen (round-chart.tsx): each summary stands in its place until it has.
    const charts = page.locator('canvas[role="img"]');
    await charts.nth(2).waitFor();
    expect(await charts.count()).toBe(3);
    // The local track's table sums the year as the others do; this national application counts nowhere in it.
    const localTotal = page.getByTestId('table-local-track').getByRole('row', { name: /年度計/ });
    expect(await localTotal.getByRole('cell').allTextContents()).toEqual(['0件', '0件', '0件', '0件', '0円']);
    await checkScreen(page, 'audit-06-statistics');
  });

  it('keeps the statistics’ tables when the charts’ code cannot be loaded, and says where the figures are', async () => {
    const cutOff = await system.newPage();
    await signInWithRole(cutOff, system.baseUrl, '監査担当', '会計 検子');
    // The line drops the one request for the charts' code (a chunk of its own, loaded with this screen).
    await cutOff.route('**/assets/statistics-charts-*.js', (route) => route.abort('connectionreset'));
    await cutOff
      .getByRole('navigation', { name: '業務メニュー' })
      .getByRole('link', { name: '月別の統計' })
      .click();
    await cutOff.getByRole('heading', { name: '月別の統計' }).waitFor();
    await cutOff
      .getByText(
        'グラフを読み込めませんでした。同じ数字を表で確認できます。ページを再読み込みすると、グラフをもう一度読み込みます。',
      )
      .first()
      .waitFor();
    expect(await cutOff.getByRole('status').count()).toBe(3);
    const july = cutOff.getByTestId('table-applications').getByRole('row', { name: /2025年7月締切回/ });
    expect(await july.getByRole('cell').allTextContents()).toEqual(['1件', '1件', '0件', '0件']);
    expect(await cutOff.locator('canvas').count()).toBe(0);
    await checkScreen(cutOff, 'audit-06-statistics-without-charts');
    await cutOff.close();
  });

  it('keeps the audit screens from a municipality, saying why in Japanese', async () => {
    const other = await system.newPage();
    await signInAsMunicipality(other, system.baseUrl);
    expect(await other.getByRole('link', { name: '月別の統計' }).count()).toBe(0);
    await other.goto(`${system.baseUrl}/audit/downloads`);
    await other.getByRole('heading', { name: 'この画面を利用する権限がありません' }).waitFor();
  });

  it('names a chain broken in the database itself, plainly, with the first altered record', async () => {
    const municipality = system.as(`officer-${TONO}`, 'municipality', TONO);
    const victim = String(
      (
        await municipality.post('/v1/applications', {
          plan: { ...completePlan(), projectTitle: '書き換えられる申請' },
        })
      ).id,
    );
    const auditor = system.as('auditor-kaikei', 'auditor');
    for (let attempt = 0; attempt < 100; attempt++) {
      const history = await auditor
        .get(`/v1/applications/${victim}/history`)
        .catch(() => ({}) as Record<string, unknown>);
      if (Array.isArray(history.items) && history.items.length === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Someone with database access raises the requested grant in the stored event, leaving its hash as it was.
    await system.query(
      `UPDATE events SET data = jsonb_set(data, '{plan,funding,grant}', '50000000') WHERE stream_id = $1 AND stream_revision = 0`,
      [`application-${victim}`],
    );
    await page.goto(`${system.baseUrl}/audit/applications/${victim}`);
    await page.getByRole('heading', { name: '申請の監査：書き換えられる申請' }).waitFor();
    await page.getByRole('button', { name: '整合性を検証する' }).click();
    const verdict = page.getByTestId('integrity-result');
    await verdict.getByText('改ざん又は欠落の疑いがあります').waitFor();
    expect(await verdict.getByRole('listitem').allTextContents()).toEqual([
      `申請 ${victim}：第0版 — 記録の内容がハッシュ値と一致しません（内容が書き換えられています） 履歴の第0版へ`,
    ]);
    // The record itself is marked in the timeline, and the verdict links to it.
    const [altered] = await page.getByTestId('timeline-event').all();
    expect(await altered.getByText('検証で一致しなかった記録です：').textContent()).toBeTruthy();
    expect(await altered.textContent()).toContain('記録の内容がハッシュ値と一致しません');
    await verdict.getByRole('link', { name: '履歴の第0版へ' }).click();
    expect(page.url()).toMatch(/#timeline-revision-0$/);
    // The state on screen was folded from that record: the card says so, beside the figures it shows.
    expect(await page.getByTestId('state-from-broken-records').textContent()).toBe(
      'この時点の申請は、検証で一致しなかった記録（第0版）を含む記録から組み立てています。書き換えられた内容を含んでいる可能性があります。',
    );
    // A draft has had no review: the entry reads as the card's other empty ones do.
    expect(await page.getByTestId('state-reviews').textContent()).toBe('—');
    await checkScreen(page, 'audit-07-tampered');
  });
});
