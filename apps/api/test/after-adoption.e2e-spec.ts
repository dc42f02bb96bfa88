import { useWorkflowApi, type WorkflowTestApi } from './api-test-app';
import { expectKeptUntilCommitted } from './statements-sent';
import { TONO, allMet } from './workflow-client';

const SHA = 'c0ffee'.padEnd(64, '0');
const receipt = (name: string) => ({ name, sha256: SHA, size: 2_048 });

/** 遠野市's plan worked by hand: G 30,000,000 + L 50,000,000 + S 10,000,000 = 90,000,000 facility; rate 3/4. */
const awardPlan = () => ({
  business: { name: '株式会社とおの醸造', corporateNumber: '1234567890123' },
  projectTitle: '地元産ホップのクラフトビール醸造所',
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

/** awardPlan from a municipality (遠野市 unless named), submitted and reviewed by two experts who recommend adoption. */
async function reviewedApplication(api: WorkflowTestApi, municipalityCode = TONO): Promise<string> {
  const applicant = api.client.municipality(municipalityCode);
  const officer = api.client.officer();
  const id: string = (await applicant.post('/v1/applications', { plan: awardPlan() }).expect(201)).body.id;
  await applicant.post(`/v1/applications/${id}/submit`).expect(200);
  for (const reviewer of ['reviewer-sato', 'reviewer-suzuki']) {
    await officer.post(`/v1/applications/${id}/reviewers`, { reviewerId: reviewer }).expect(200);
    const expert = api.client.reviewer(reviewer);
    await expert.post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: false }).expect(200);
    await expert
      .post(`/v1/applications/${id}/reviews`, {
        assessments: allMet(),
        recommendation: 'adopt',
        comment: '良い',
      })
      .expect(200);
  }
  return id;
}

describe('the grant’s life after adoption, over HTTP', () => {
  const api = useWorkflowApi('2025-06-02T10:00:00+09:00');
  const { clock } = api;

  async function adopt(): Promise<string> {
    const id = await reviewedApplication(api);
    const officer = api.client.officer();
    clock.set('2025-07-15T10:00:00+09:00');
    await officer.post(`/v1/applications/${id}/decision`, { outcome: 'adopted', reason: '採択' }).expect(200);
    return id;
  }

  const budget = async () => {
    await api.project();
    return (await api.client.officer().get('/v1/fiscal-years/2025/budget').expect(200)).body;
  };

  beforeAll(async () => {
    await api.client
      .officer()
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 100_000_000, intakeOpen: true })
      .expect(200);
  });

  it('takes an application from adoption at 30,000,000 to payment, confirming 25,000,000 on half the actual eligible cost', async () => {
    clock.set('2025-06-02T10:00:00+09:00');
    const id = await adopt();
    const tono = api.client.municipality(TONO);
    const officer = api.client.officer();
    expect(await budget()).toMatchObject({ committed: 22_500_000, decided: 0, released: 0, paid: 0 });

    clock.set('2025-08-01T10:00:00+09:00');
    const applied = await tono
      .post(`/v1/applications/${id}/grant-application`, {
        amount: 30_000_000,
        documents: [receipt('交付申請書.pdf')],
      })
      .expect(200);
    expect(applied.body).toMatchObject({
      status: 'grant_applied',
      award: { grantApplicationDueDate: '2025-08-14', grantApplication: { amount: 30_000_000, late: false } },
    });

    clock.set('2025-08-20T10:00:00+09:00');
    const decided = await officer
      .post(`/v1/applications/${id}/grant-decision`, { grant: 28_000_000, conditions: '交付要綱に従うこと' })
      .expect(200);
    expect(decided.body.award.grantDecision).toMatchObject({
      grant: 28_000_000,
      funding: { nationalShare: 21_000_000 },
      released: 1_500_000,
    });
    expect(await budget()).toMatchObject({ committed: 21_000_000, decided: 21_000_000, released: 1_500_000 });

    // A minor change (facility +5.6 %, the grant at the decided figure) takes effect at once.
    clock.set('2025-10-01T10:00:00+09:00');
    const minorPlan = {
      ...awardPlan(),
      costs: [{ category: 'facility', amount: 95_000_000 }],
      funding: { ...awardPlan().funding, grant: 28_000_000, ownFunds: 17_000_000 },
    };
    const minor = await tono
      .post(`/v1/applications/${id}/plan-changes`, { plan: minorPlan, reason: '見積の更新' })
      .expect(200);
    expect(minor.body).toMatchObject({ status: 'grant_decided', plan: { costs: [{ amount: 95_000_000 }] } });
    expect(minor.body.award.changes).toEqual([
      expect.objectContaining({ kind: 'minor', outcome: 'notified' }),
    ]);

    // A new cost category is material: it waits for the officer, then takes effect.
    const materialPlan = {
      ...minorPlan,
      costs: [...minorPlan.costs, { category: 'machinery', amount: 5_000_000 }],
      funding: { ...minorPlan.funding, ownFunds: 22_000_000 },
    };
    const requested = await tono
      .post(`/v1/applications/${id}/plan-changes`, {
        plan: materialPlan,
        reason: '醸造設備の追加',
        documents: [receipt('変更承認申請書.pdf')],
      })
      .expect(200);
    expect(requested.body.status).toBe('change_requested');
    const change = requested.body.award.changes[1];
    expect(change).toMatchObject({ kind: 'change', outcome: 'pending', grounds: ['cost_category_moved'] });
    // The plan asked for reads as it was sent: 財政力指数 a number, as the application's own plan.
    expect(change.plan.municipality).toEqual({ disadvantagedArea: true, fiscalStrengthIndex: 0.21 });
    expect(requested.body.plan.municipality).toEqual(change.plan.municipality);
    await api.project();
    const read = (await officer.get(`/v1/applications/${id}`).expect(200)).body;
    expect(read.award.changes[1].plan.municipality).toEqual(change.plan.municipality);
    const approved = await officer
      .post(`/v1/applications/${id}/plan-changes/${change.changeId}/decision`, {
        outcome: 'approved',
        reason: '妥当',
      })
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'grant_decided' });
    expect(approved.body.plan.costs).toHaveLength(2);

    clock.set('2026-04-05T10:00:00+09:00');
    const reported = await tono
      .post(`/v1/applications/${id}/performance-report`, {
        actualCosts: [{ category: 'facility', amount: 50_000_000 }],
        actualFinancing: { loan: { amount: 40_000_000, lenderType: 'shinkin_bank' }, ownFunds: 0 },
        grantPaid: 28_000_000,
        completedOn: '2026-03-20',
        documents: [receipt('実績報告書.pdf')],
      })
      .expect(200);
    expect(reported.body.award.report).toMatchObject({ dueDate: '2026-04-10', late: false });
    // Answered as reported, each part by its documented schema.
    expect(reported.body.award.report.actualCosts).toEqual([{ category: 'facility', amount: 50_000_000 }]);
    expect(reported.body.award.report.actualFinancing).toEqual({
      loan: { amount: 40_000_000, lenderType: 'shinkin_bank' },
      ownFunds: 0,
    });

    clock.set('2026-05-01T10:00:00+09:00');
    // Previewed first: the figures the confirmation will fix, and nothing recorded.
    const previewPath = `/v1/applications/${id}/amount-confirmation/preview`;
    const preview = await officer.post(previewPath, {}).expect(200);
    expect(preview.body).toEqual({
      revision: reported.body.revision,
      decidedGrant: 28_000_000,
      grantPaid: 28_000_000,
      largestAllowed: 25_000_000,
      confirmedGrant: 25_000_000,
      limitedBy: 'grant_within_half_of_eligible_cost',
      funding: expect.objectContaining({ grant: 25_000_000, nationalShare: 18_750_000 }),
      released: 2_250_000,
      refundDue: 0,
    });
    const lower = await officer
      .post(previewPath, { grant: 24_000_000, reason: '対象外経費の計上' })
      .expect(200);
    expect(lower.body).toMatchObject({ confirmedGrant: 24_000_000, limitedBy: 'officer_reduction' });
    const notLower = await officer.post(previewPath, { grant: 26_000_000, reason: '誤り' }).expect(422);
    expect(notLower.body.errors).toEqual([
      expect.objectContaining({ field: 'grant', rule: 'confirmation_lower_than_computed' }),
    ]);
    await officer.post(previewPath, { grant: 24_000_000 }).expect(400);
    await tono.post(previewPath, {}).expect(403);
    // The stream itself, not a read model that may lag: still at the report.
    expect((await officer.get(`/v1/applications/${id}/state`).expect(200)).body).toMatchObject({
      status: 'reported',
      revision: reported.body.revision,
    });
    const confirmed = await officer.post(`/v1/applications/${id}/amount-confirmation`, {}).expect(200);
    expect(confirmed.body.award.confirmation).toMatchObject({
      confirmedGrant: preview.body.confirmedGrant,
      limitedBy: preview.body.limitedBy,
      funding: preview.body.funding,
      released: preview.body.released,
    });
    // Once confirmed, a preview without a lower grant is refused as the write would be.
    await officer.post(previewPath, {}).expect(422);
    expect(confirmed.body).toMatchObject({
      status: 'amount_confirmed',
      award: {
        confirmation: {
          decidedGrant: 28_000_000,
          grantPaid: 28_000_000,
          largestAllowed: 25_000_000,
          confirmedGrant: 25_000_000,
          limitedBy: 'grant_within_half_of_eligible_cost',
          funding: { grant: 25_000_000, nationalShare: 18_750_000 },
          released: 2_250_000,
          planVsActual: {
            eligibleCost: { planned: 100_000_000, actual: 50_000_000 },
            loan: { planned: 50_000_000, actual: 40_000_000 },
            grant: { planned: 28_000_000, actual: 28_000_000 },
            nationalShare: { planned: 21_000_000, actual: 18_750_000 },
          },
        },
      },
    });
    expect(await budget()).toMatchObject({
      committed: 18_750_000,
      confirmed: 18_750_000,
      released: 3_750_000,
    });

    await officer
      .post(`/v1/applications/${id}/payments`, { amount: 18_750_001, paidOn: '2026-05-20' })
      .expect(422);
    clock.set('2026-05-20T10:00:00+09:00');
    const paid = await officer
      .post(`/v1/applications/${id}/payments`, { amount: 18_750_000, paidOn: '2026-05-20' })
      .expect(200);
    expect(paid.body).toMatchObject({ status: 'paid', award: { paid: 18_750_000 } });
    expect(await budget()).toMatchObject({
      nationalBudget: 100_000_000,
      committed: 18_750_000,
      decided: 21_000_000,
      confirmed: 18_750_000,
      released: 3_750_000,
      paid: 18_750_000,
      remaining: 81_250_000,
    });

    // The auditor's plan-vs-actual sheet for the year, from the log itself.
    const sheet = await api.client.auditor().get('/v1/audit/plan-vs-actual?fiscalYear=2025').expect(200);
    expect(sheet.headers['content-type']).toMatch(/^text\/csv/);
    const [header, row] = sheet.text.split('\r\n');
    expect(header.startsWith('\uFEFF申請ID,団体,総事業費(計画),総事業費(実績)')).toBe(true);
    expect(row.split(',')).toEqual(
      expect.arrayContaining([
        id,
        '久慈市 032077',
        '100000000',
        '50000000',
        '25000000',
        'grant_within_half_of_eligible_cost',
        '18750000',
      ]),
    );
  });

  it('releases the whole commitment of an application abandoned after its grant decision', async () => {
    clock.set('2025-06-02T10:00:00+09:00');
    const before = await budget();
    const id = await adopt();
    const tono = api.client.municipality(TONO);
    const officer = api.client.officer();
    clock.set('2025-08-01T10:00:00+09:00');
    await tono.post(`/v1/applications/${id}/grant-application`, { amount: 30_000_000 }).expect(200);
    await officer
      .post(`/v1/applications/${id}/grant-decision`, { grant: 30_000_000, conditions: '交付要綱に従うこと' })
      .expect(200);
    const asked = await tono
      .post(`/v1/applications/${id}/abandonment`, { reason: '事業者の廃業' })
      .expect(200);
    const { changeId } = asked.body.award.changes[0];
    const abandoned = await officer
      .post(`/v1/applications/${id}/plan-changes/${changeId}/decision`, {
        outcome: 'approved',
        reason: 'やむを得ない',
      })
      .expect(200);
    expect(abandoned.body).toMatchObject({ status: 'abandoned', award: { commitment: 0 } });
    const after = await budget();
    expect(after.committed).toBe(before.committed);
    expect(after.released - before.released).toBe(22_500_000);
  });

  it('refuses steps out of order with 409, rules with 422 naming them, and hides another municipality’s award', async () => {
    clock.set('2025-06-02T10:00:00+09:00');
    const id = await adopt();
    const tono = api.client.municipality(TONO);
    const officer = api.client.officer();
    await officer.post(`/v1/applications/${id}/grant-decision`, { grant: 1, conditions: 'x' }).expect(409);
    const over = await tono
      .post(`/v1/applications/${id}/grant-application`, { amount: 30_000_001 })
      .expect(422);
    expect(over.body.errors).toEqual([
      expect.objectContaining({ field: 'amount', rule: 'grant_within_approved' }),
    ]);
    await api.client
      .municipality('131016')
      .post(`/v1/applications/${id}/grant-application`, { amount: 1 })
      .expect(404);
    const bad = await tono
      .post(`/v1/applications/${id}/grant-application`, {
        amount: 1,
        documents: [{ name: 'x', sha256: 'nope', size: 1 }],
      })
      .expect(400);
    expect(bad.body.errors[0].field).toMatch(/documents/);
  });

  it('puts grant applications not made and reports not filed on the overdue queue, counted in Japan time', async () => {
    clock.set('2025-06-02T10:00:00+09:00');
    const silent = await adopt();
    clock.set('2025-06-02T10:00:00+09:00');
    const unreported = await adopt();
    const tono = api.client.municipality(TONO);
    const officer = api.client.officer();
    clock.set('2025-08-01T10:00:00+09:00');
    await tono.post(`/v1/applications/${unreported}/grant-application`, { amount: 30_000_000 }).expect(200);
    await officer
      .post(`/v1/applications/${unreported}/grant-decision`, {
        grant: 30_000_000,
        conditions: '交付要綱に従うこと',
      })
      .expect(200);
    await api.project();

    const ours = (body: { items: { applicationId: string }[] }) =>
      body.items.filter((item) => [silent, unreported].includes(item.applicationId));

    // Adopted on 15 July: the grant application is due on 14 August.
    clock.set('2025-08-20T09:00:00+09:00');
    const august = (await officer.get('/v1/awards/overdue?fiscalYear=2025').expect(200)).body;
    expect(ours(august)).toEqual([
      expect.objectContaining({
        applicationId: silent,
        kind: 'grant_application',
        dueDate: '2025-08-14',
        daysRemaining: -6,
        overdue: true,
        municipalityName: '久慈市',
      }),
    ]);

    // Completion planned on 20 March 2026: the report is due on 10 April (earlier than 20 April).
    clock.set('2026-04-15T09:00:00+09:00');
    const april = (await officer.get('/v1/awards/overdue?fiscalYear=2025').expect(200)).body;
    expect(ours(april)).toEqual([
      expect.objectContaining({ applicationId: silent, kind: 'grant_application', daysRemaining: -244 }),
      expect.objectContaining({
        applicationId: unreported,
        kind: 'performance_report',
        dueDate: '2026-04-10',
        daysRemaining: -5,
      }),
    ]);
    expect(april.total).toBeGreaterThanOrEqual(2);

    const ledger = (await officer.get('/v1/awards?fiscalYear=2025&status=grant_decided').expect(200)).body;
    expect(ours(ledger)).toEqual([
      expect.objectContaining({
        applicationId: unreported,
        status: 'grant_decided',
        approvedGrant: 30_000_000,
        decidedGrant: 30_000_000,
        decidedNationalShare: 22_500_000,
        due: { kind: 'performance_report', dueDate: '2026-04-10', daysRemaining: -5, overdue: true },
      }),
    ]);
    const elsewhere = (await api.client.municipality('131016').get('/v1/awards').expect(200)).body;
    expect(elsewhere.items).toEqual([]);
    expect((await tono.get('/v1/awards/overdue').expect(200)).body.total).toBe(april.total);
  });
});

describe('the award ledger asked for one application', () => {
  const api = useWorkflowApi('2025-06-02T10:00:00+09:00');
  const OTHER = '032085';

  it('answers that application’s award alone, nothing for one not adopted or not the caller’s, 400 for a malformed id', async () => {
    const officer = api.client.officer();
    const tono = api.client.municipality(TONO);
    const other = api.client.municipality(OTHER);
    await officer
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 100_000_000, intakeOpen: true })
      .expect(200);
    const ours = await reviewedApplication(api);
    const theirs = await reviewedApplication(api, OTHER);
    api.clock.set('2025-07-15T10:00:00+09:00');
    for (const id of [ours, theirs])
      await officer
        .post(`/v1/applications/${id}/decision`, { outcome: 'adopted', reason: '採択' })
        .expect(200);
    const draft: string = (await tono.post('/v1/applications', { plan: awardPlan() }).expect(201)).body.id;
    await api.project();

    const ledger = (client: typeof officer, id: string) =>
      client
        .get(`/v1/awards?applicationId=${id}`)
        .expect(200)
        .then((answer) => answer.body);

    const hit = await ledger(officer, ours);
    expect(hit.items).toEqual([
      expect.objectContaining({ applicationId: ours, municipalityCode: TONO, status: 'adopted' }),
    ]);
    expect(hit.nextCursor).toBeNull();
    expect((await ledger(officer, theirs.toUpperCase())).items).toEqual([
      expect.objectContaining({ applicationId: theirs, municipalityCode: OTHER }),
    ]);
    expect((await ledger(other, theirs)).items).toHaveLength(1);
    expect(
      (await ledger(tono, ours)).items.map((item: { applicationId: string }) => item.applicationId),
    ).toEqual([ours]);
    // With the other filters it narrows further: the award is of 2025, not 2026.
    expect(
      (await officer.get(`/v1/awards?applicationId=${ours}&fiscalYear=2025`).expect(200)).body.items,
    ).toHaveLength(1);
    expect(
      (await officer.get(`/v1/awards?applicationId=${ours}&fiscalYear=2026`).expect(200)).body.items,
    ).toEqual([]);

    // Misses: a draft has no award, an unknown id none, and another municipality's award is not shown.
    expect((await ledger(officer, draft)).items).toEqual([]);
    expect((await ledger(officer, '3f2c1a9e-8b7d-4c6e-9a5f-0123456789ab')).items).toEqual([]);
    expect((await ledger(tono, theirs)).items).toEqual([]);
    expect((await ledger(other, ours)).items).toEqual([]);

    // The overdue queue takes the same filter: both grant applications are late by 20 August.
    api.clock.set('2025-08-20T09:00:00+09:00');
    const overdue = (await officer.get(`/v1/awards/overdue?applicationId=${theirs}`).expect(200)).body;
    expect(overdue).toMatchObject({
      total: 1,
      items: [{ applicationId: theirs, kind: 'grant_application' }],
    });
    expect((await tono.get(`/v1/awards/overdue?applicationId=${theirs}`).expect(200)).body.total).toBe(0);

    for (const malformed of ['not-a-uuid', `${ours}0`, "' OR 1=1 --"]) {
      const refused = await officer
        .get(`/v1/awards?applicationId=${encodeURIComponent(malformed)}`)
        .expect(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'applicationId', rule: 'is_uuid' }),
      ]);
    }
  });
});

describe('the award ledger and its overdue queue, a page at a time', () => {
  const api = useWorkflowApi('2025-06-02T10:00:00+09:00');
  const { clock } = api;
  const adopted: { id: string; adoptedAt: string }[] = [];
  let applied = '';

  beforeAll(async () => {
    const officer = api.client.officer();
    await officer
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 200_000_000, intakeOpen: true })
      .expect(200);
    // Two adopted at the same instant (their order is by id), a third a day later.
    for (const adoptedAt of [
      '2025-07-15T10:00:00+09:00',
      '2025-07-15T10:00:00+09:00',
      '2025-07-16T10:00:00+09:00',
    ]) {
      clock.set('2025-06-02T10:00:00+09:00');
      const id = await reviewedApplication(api);
      clock.set(adoptedAt);
      await officer
        .post(`/v1/applications/${id}/decision`, { outcome: 'adopted', reason: '採択' })
        .expect(200);
      adopted.push({ id, adoptedAt: new Date(adoptedAt).toISOString() });
    }
    // One grant application made: that award next owes its performance report (due 10 April 2026).
    applied = adopted[0].id;
    clock.set('2025-08-01T10:00:00+09:00');
    await api.client
      .municipality(TONO)
      .post(`/v1/applications/${applied}/grant-application`, { amount: 30_000_000 })
      .expect(200);
    await api.project();
    clock.set('2025-08-20T09:00:00+09:00');
  });

  /** Every page from the first, following nextCursor. */
  async function everyPage<Page extends { nextCursor: string | null }>(path: string): Promise<Page[]> {
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const page = (await api.client.officer().get(`${path}${query}`).expect(200)).body as Page;
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length <= 10);
    return pages;
  }

  type LedgerPage = {
    nextCursor: string | null;
    items: { applicationId: string; projectTitle: string | null; adoptedAt: string }[];
  };
  type OverduePage = {
    nextCursor: string | null;
    total: number;
    items: { applicationId: string; dueDate: string; daysRemaining: number }[];
  };

  it('pages the ledger newest adoption first and the overdue queue longest past due first, each line once, the total on every page', async () => {
    const ledger = await everyPage<LedgerPage>('/v1/awards?fiscalYear=2025&limit=1');
    const newestFirst = [...adopted].sort(
      (a, b) => b.adoptedAt.localeCompare(a.adoptedAt) || b.id.localeCompare(a.id),
    );
    expect(ledger.map((page) => page.items.map((item) => [item.applicationId, item.adoptedAt]))).toEqual(
      newestFirst.map(({ id, adoptedAt }) => [[id, adoptedAt]]),
    );
    expect(ledger[ledger.length - 1].nextCursor).toBeNull();
    // Each line names its project, so that a screen of them needs no request per line.
    expect(ledger[0].items[0].projectTitle).toBe('地元産ホップのクラフトビール醸造所');

    const overdue = await everyPage<OverduePage>('/v1/awards/overdue?fiscalYear=2025&limit=1');
    // The two grant applications not made were due on 14 and 15 August; the one made owes nothing overdue yet.
    const late = adopted.filter(({ id }) => id !== applied);
    expect(overdue.map((page) => page.items.map((item) => [item.applicationId, item.dueDate]))).toEqual([
      [[late[0].id, '2025-08-14']],
      [[late[1].id, '2025-08-15']],
    ]);
    expect(overdue.map((page) => page.total)).toEqual([2, 2]);
    expect(overdue[0].items[0]).toMatchObject({ projectTitle: '地元産ホップのクラフトビール醸造所' });

    // A cursor neither list gave is refused, naming it; a ledger cursor is not an overdue one.
    for (const path of ['/v1/awards', '/v1/awards/overdue']) {
      const refused = await api.client.officer().get(`${path}?cursor=nope`).expect(400);
      expect(refused.body.errors[0]).toMatchObject({ field: 'cursor' });
    }
    await api.client
      .officer()
      .get(`/v1/awards/overdue?cursor=${encodeURIComponent(ledger[0].nextCursor!)}`)
      .expect(400);
  });

  it('answers a ledger page and an overdue page asked again without reading the read models, from the same day, until the ledger changes', async () => {
    const officer = api.client.officer();
    const reads = ['/v1/awards?fiscalYear=2025', '/v1/awards/overdue?fiscalYear=2025'];
    const answers = async () => {
      const bodies = [];
      for (const path of reads) bodies.push((await officer.get(path).expect(200)).body);
      return bodies;
    };
    const first = await answers();
    // A commit of the ledger's projection is heard: each page is read again, and then kept again.
    for (const path of reads)
      await expectKeptUntilCommitted(
        api.app,
        'application_summaries',
        /award_ledger/,
        async () => (await officer.get(path).expect(200)).body,
      );

    // The next day in Japan, nothing projected meanwhile: every day is counted from the new one.
    clock.set('2025-08-21T00:00:00+09:00');
    const [ledger, overdue] = await answers();
    expect(ledger.today).toBe('2025-08-21');
    // The award whose grant application was made owes nothing with a date yet (its report is dated by the 交付決定).
    const daysOf = (page: { items: { applicationId: string; due: { daysRemaining: number } | null }[] }) =>
      page.items.map((item) => [item.applicationId, item.due?.daysRemaining ?? null]);
    expect(daysOf(ledger)).toEqual(
      daysOf(first[0]).map(([id, days]) => [id, days === null ? null : Number(days) - 1]),
    );
    expect(daysOf(ledger).filter(([, days]) => days !== null)).toHaveLength(2);
    expect(overdue.items.map((item: { daysRemaining: number }) => item.daysRemaining)).toEqual([-7, -6]);

    // A change to the ledger shows once projected: a grant application made late is no longer overdue.
    const late = overdue.items[0].applicationId;
    await api.client
      .municipality(TONO)
      .post(`/v1/applications/${late}/grant-application`, { amount: 30_000_000 })
      .expect(200);
    expect((await answers())[1]).toEqual(overdue);
    await api.project();
    const [, afterApplying] = await answers();
    expect(afterApplying).toMatchObject({
      total: 1,
      items: [expect.objectContaining({ daysRemaining: -6 })],
    });
    expect(afterApplying.items[0].applicationId).not.toBe(late);
  });
});

describe('the budget under concurrent grant decisions, confirmations and adoptions', () => {
  const api = useWorkflowApi('2025-06-02T10:00:00+09:00');

  const reviewed = () => reviewedApplication(api);

  it('never commits beyond the budget, and the budget’s sums equal the applications’ own figures', async () => {
    const officer = api.client.officer();
    const tono = api.client.municipality(TONO);
    await officer
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 100_000_000, intakeOpen: true })
      .expect(200);
    const awarded: string[] = [];
    for (let index = 0; index < 4; index++) awarded.push(await reviewed());
    const waiting = [await reviewed(), await reviewed()];
    api.clock.set('2025-07-15T10:00:00+09:00');
    // Four adoptions of 22,500,000 each: 90,000,000 committed, too little left for another.
    for (const id of awarded) {
      await officer
        .post(`/v1/applications/${id}/decision`, { outcome: 'adopted', reason: '採択' })
        .expect(200);
      await tono.post(`/v1/applications/${id}/grant-application`, { amount: 30_000_000 }).expect(200);
    }
    for (const id of awarded.slice(2)) {
      await officer
        .post(`/v1/applications/${id}/grant-decision`, { grant: 30_000_000, conditions: '条件' })
        .expect(200);
      await tono
        .post(`/v1/applications/${id}/performance-report`, {
          actualCosts: [{ category: 'facility', amount: 40_000_000 }],
          actualFinancing: { loan: { amount: 40_000_000, lenderType: 'shinkin_bank' }, ownFunds: 0 },
          grantPaid: 30_000_000,
          completedOn: '2026-03-20',
        })
        .expect(200);
    }

    // At once: two grant decisions at 20,000,000 (each releases 7,500,000), two confirmations on
    // actuals that allow 20,000,000 (each releases 7,500,000), and two adoptions (22,500,000 each).
    const answers = await Promise.all([
      ...awarded
        .slice(0, 2)
        .map((id) =>
          officer
            .post(`/v1/applications/${id}/grant-decision`, { grant: 20_000_000, conditions: '条件' })
            .response(),
        ),
      ...awarded
        .slice(2)
        .map((id) => officer.post(`/v1/applications/${id}/amount-confirmation`, {}).response()),
      ...waiting.map((id) =>
        officer.post(`/v1/applications/${id}/decision`, { outcome: 'adopted', reason: '採択' }).response(),
      ),
    ]);
    expect(answers.slice(0, 4).map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    for (const adoption of answers.slice(4))
      expect(
        adoption.status === 200 ||
          adoption.body.errors?.some((error: { rule: string }) => error.rule === 'budget'),
      ).toBe(true);

    await api.project();
    const budget = (await officer.get('/v1/fiscal-years/2025/budget').expect(200)).body;
    const views = await Promise.all(
      [...awarded, ...waiting].map(
        async (id) => (await officer.get(`/v1/applications/${id}`).expect(200)).body,
      ),
    );
    const commitments = views.reduce((sum, view) => sum + (view.award?.commitment ?? 0), 0);
    const adoptedLater = views.slice(4).filter((view) => view.status === 'adopted').length;
    expect(budget.committed).toBeLessThanOrEqual(budget.nationalBudget);
    expect(budget).toMatchObject({
      committed: commitments,
      decided: 2 * 22_500_000 + 2 * 15_000_000,
      confirmed: 2 * 15_000_000,
      released: 4 * 7_500_000,
      remaining: 100_000_000 - commitments,
    });
    expect(commitments).toBe(4 * 15_000_000 + adoptedLater * 22_500_000);
    expect(adoptedLater).toBeLessThanOrEqual(1);
  });
});
