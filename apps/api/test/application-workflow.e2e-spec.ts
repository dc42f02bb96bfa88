import { useWorkflowApi } from './api-test-app';
import { CHIYODA, TONO, allMet, completePlan } from './workflow-client';

/**
 * One application from draft through a revision request, resubmission, two reviews (a
 * third reviewer recused for a conflict) to adoption with a reduced grant; another to
 * rejection. Every answer is checked.
 */
describe('the application workflow over HTTP', () => {
  const api = useWorkflowApi('2025-06-02T10:00:00+09:00');
  const { clock } = api;

  it('walks an application from draft to adoption with a reduced grant', async () => {
    const tono = api.client.municipality(TONO);
    const officer = api.client.officer();

    clock.set('2025-05-20T09:00:00+09:00');
    const budget = await officer
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 1_000_000_000, intakeOpen: true })
      .expect(200);
    expect(budget.body).toMatchObject({
      fiscalYear: 2025,
      nationalBudget: 1_000_000_000,
      committed: 0,
      remaining: 1_000_000_000,
      intakeOpen: true,
      revision: 0,
    });

    // A draft may be partial: what submission would refuse comes back as warnings.
    clock.set('2025-06-02T10:00:00+09:00');
    const created = await tono
      .post('/v1/applications', { plan: { projectTitle: '地元産ホップのクラフトビール醸造所' } })
      .expect(201);
    const id: string = created.body.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.etag).toBe('"0"');
    expect(created.body).toMatchObject({ id, municipalityCode: TONO, status: 'draft', revision: 0 });
    expect(created.body.warnings.map((warning: { rule: string }) => warning.rule)).toContain('plan_complete');

    // Submitting the incomplete draft is refused with every missing field named.
    const incomplete = await tono.post(`/v1/applications/${id}/submit`).expect(422);
    expect(incomplete.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(incomplete.body.errors.length).toBeGreaterThan(3);
    expect(new Set(incomplete.body.errors.map((error: { rule: string }) => error.rule))).toEqual(
      new Set(['plan_complete']),
    );

    const replaced = await tono
      .put(`/v1/applications/${id}/plan`, { plan: completePlan() }, { 'if-match': '"0"' })
      .expect(200);
    expect(replaced.body).toMatchObject({ status: 'draft', revision: 1, warnings: [] });
    expect(replaced.body.plan.municipality.fiscalStrengthIndex).toBe(0.21);

    // The last hour of the 10th in Japan: the June round.
    clock.set('2025-06-10T23:59:59.999+09:00');
    const submitted = await tono
      .post(`/v1/applications/${id}/submit`, undefined, { 'if-match': '1' })
      .expect(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      revision: 2,
      round: '2025-06',
      fiscalYear: 2025,
      deadline: '2025-06-10T23:59:59.999+09:00',
      decisionDueDate: '2025-07-22',
      ruleSetId: 'FY2025-v1',
      provisional: false,
      funding: {
        grant: 20_000_000,
        loanMultiple: '1.50',
        cap: 35_000_000,
        nationalShare: 15_000_000,
        specialTaxShare: 2_500_000,
        municipalShare: 2_500_000,
      },
    });

    // A submitted plan is not editable.
    await tono.put(`/v1/applications/${id}/plan`, { plan: completePlan() }).expect(409);

    clock.set('2025-06-12T10:00:00+09:00');
    for (const reviewer of ['reviewer-sato', 'reviewer-suzuki', 'reviewer-takahashi']) {
      await officer.post(`/v1/applications/${id}/reviewers`, { reviewerId: reviewer }).expect(200);
    }
    const sato = api.client.reviewer('reviewer-sato');
    const suzuki = api.client.reviewer('reviewer-suzuki');
    const takahashi = api.client.reviewer('reviewer-takahashi');

    const recused = await takahashi
      .post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: true, detail: '申請者の顧問' })
      .expect(200);
    expect(recused.body.status).toBe('under_review');
    expect(recused.body.reviewers).toContainEqual(
      expect.objectContaining({ reviewerId: 'reviewer-takahashi', recused: true }),
    );
    const refusedReview = await takahashi
      .post(`/v1/applications/${id}/reviews`, {
        assessments: allMet(),
        recommendation: 'adopt',
        comment: '—',
      })
      .expect(403);
    expect(refusedReview.body.errors[0]).toMatchObject({ rule: 'conflict_declared' });

    for (const reviewer of [sato, suzuki]) {
      await reviewer.post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: false }).expect(200);
      await reviewer
        .post(`/v1/applications/${id}/reviews`, {
          assessments: allMet(),
          recommendation: 'revise',
          comment: '資金計画の再確認を',
        })
        .expect(200);
    }

    const returned = await officer
      .post(`/v1/applications/${id}/revision-requests`, { reason: '自己資金の根拠資料を追加してください' })
      .expect(200);
    expect(returned.body).toMatchObject({
      status: 'revision_requested',
      revisionRequest: { reason: '自己資金の根拠資料を追加してください' },
    });

    // Revised and resubmitted on the 11th: the July round, and a new review cycle.
    clock.set('2025-06-11T09:00:00+09:00');
    await tono
      .put(`/v1/applications/${id}/plan`, { plan: { ...completePlan(), summary: '根拠資料を追加' } })
      .expect(200);
    const resubmitted = await tono.post(`/v1/applications/${id}/resubmit`).expect(200);
    expect(resubmitted.body).toMatchObject({
      status: 'submitted',
      round: '2025-07',
      decisionDueDate: '2025-08-21',
      reviewCycle: 2,
      reviews: [],
      reviewers: [],
    });

    clock.set('2025-06-20T10:00:00+09:00');
    for (const reviewer of ['reviewer-sato', 'reviewer-suzuki', 'reviewer-takahashi']) {
      await officer.post(`/v1/applications/${id}/reviewers`, { reviewerId: reviewer }).expect(200);
    }
    // Each reviewer's queue says where they stand in this cycle, and so does the application as
    // they read it; the first cycle's review does not count.
    const ownSteps = async (): Promise<Array<string | null | undefined>> => {
      await api.project();
      return Promise.all(
        [sato, suzuki, takahashi, officer].map(async (client) => {
          const queue = await client.get('/v1/review-queue').expect(200);
          const step = queue.body.items.find(
            (item: { applicationId: string }) => item.applicationId === id,
          )?.ownStep;
          const application = await client.get(`/v1/applications/${id}`).expect(200);
          expect(application.body.ownStep ?? null).toBe(step);
          return step;
        }),
      );
    };
    expect(await ownSteps()).toEqual(['declare', 'declare', 'declare', null]);
    await takahashi
      .post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: true, detail: '申請者の顧問' })
      .expect(200);
    const declared = await sato
      .post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: false })
      .expect(200);
    // The write's answer says it too, before the read side has caught up.
    expect(declared.body.ownStep).toBe('review');
    expect(await ownSteps()).toEqual(['review', 'declare', 'recused', null]);
    await suzuki.post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: false }).expect(200);
    for (const reviewer of [sato, suzuki]) {
      await reviewer
        .post(`/v1/applications/${id}/reviews`, {
          assessments: allMet(),
          recommendation: 'adopt',
          comment: '地域経済への波及効果が大きい',
        })
        .expect(200);
    }
    expect(await ownSteps()).toEqual(['reviewed', 'reviewed', 'recused', null]);

    // Adopted with 16,000,000 instead of 20,000,000: 3/4 → N 12,000,000, T 2,000,000, M 2,000,000.
    clock.set('2025-07-20T15:00:00+09:00');
    const adopted = await officer
      .post(`/v1/applications/${id}/decision`, {
        outcome: 'adopted',
        reason: '要件をすべて満たす',
        approvedGrant: 16_000_000,
      })
      .expect(200);
    expect(adopted.body).toMatchObject({
      status: 'adopted',
      decision: {
        outcome: 'adopted',
        requestedGrant: 20_000_000,
        approvedGrant: 16_000_000,
        funding: {
          grant: 16_000_000,
          nationalShare: 12_000_000,
          specialTaxShare: 2_000_000,
          municipalShare: 2_000_000,
        },
      },
    });
    expect(adopted.headers.etag).toBe(`"${adopted.body.revision}"`);

    // The budget stream got the commitment in the same atomic append.
    const budgetEvents = await api.store.readStream('fiscal-year-2025');
    expect(budgetEvents.map((event) => event.type)).toEqual([
      'FiscalYearBudgetSet',
      'NationalShareCommitted',
    ]);
    expect(budgetEvents[1].data).toMatchObject({ applicationId: id, amount: 12_000_000 });
    const adoptedEvent = (await api.store.readStream(`application-${id}`)).at(-1);
    expect(adoptedEvent).toMatchObject({
      type: 'ApplicationAdopted',
      metadata: {
        ruleSetId: 'FY2025-v1',
        provisional: false,
        actor: { sub: 'officer-mic', role: 'program_officer' },
      },
    });

    // After a decision, nothing more: no withdrawal, no second decision.
    await tono.post(`/v1/applications/${id}/withdraw`, { reason: '事情変更' }).expect(409);
    await officer
      .post(`/v1/applications/${id}/decision`, { outcome: 'rejected', reason: '二重' })
      .expect(409);
  });

  it('walks another application to rejection', async () => {
    const tono = api.client.municipality(TONO);
    const officer = api.client.officer();
    clock.set('2025-08-05T10:00:00+09:00');
    const created = await tono.post('/v1/applications', { plan: completePlan(15_000_000) }).expect(201);
    const id: string = created.body.id;
    expect(created.body.warnings).toEqual([]);
    const submitted = await tono.post(`/v1/applications/${id}/submit`).expect(200);
    expect(submitted.body).toMatchObject({ round: '2025-08', funding: { nationalShare: 11_250_000 } });

    for (const reviewer of ['reviewer-ito', 'reviewer-kato']) {
      await officer.post(`/v1/applications/${id}/reviewers`, { reviewerId: reviewer }).expect(200);
      const expert = api.client.reviewer(reviewer);
      await expert.post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: false }).expect(200);
      await expert
        .post(`/v1/applications/${id}/reviews`, {
          assessments: allMet('national', false),
          recommendation: 'reject',
          comment: '新規性が乏しい',
        })
        .expect(200);
    }

    // Adoption without a majority on every requirement is refused, naming the rule.
    const noMajority = await officer
      .post(`/v1/applications/${id}/decision`, { outcome: 'adopted', reason: '—' })
      .expect(422);
    expect(noMajority.body.errors.map((error: { rule: string }) => error.rule)).toContain(
      'majority_on_every_requirement',
    );

    const rejected = await officer
      .post(`/v1/applications/${id}/decision`, { outcome: 'rejected', reason: '新規性の要件を満たさない' })
      .expect(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decision: { outcome: 'rejected', reason: '新規性の要件を満たさない' },
    });
  });

  it('shows another municipality nothing: its writes are 404s', async () => {
    const created = await api.client
      .municipality(TONO)
      .post('/v1/applications', { plan: completePlan() })
      .expect(201);
    const chiyoda = api.client.municipality(CHIYODA);
    const response = await chiyoda
      .put(`/v1/applications/${created.body.id}/plan`, { plan: completePlan() })
      .expect(404);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    await chiyoda.post(`/v1/applications/${created.body.id}/submit`).expect(404);
  });

  it('refuses a submission when intake is closed, naming intake_open', async () => {
    const officer = api.client.officer();
    clock.set('2025-09-01T09:00:00+09:00');
    const current = await officer
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 1_000_000_000, intakeOpen: false })
      .expect(200);
    const created = await api.client
      .municipality(TONO)
      .post('/v1/applications', { plan: completePlan() })
      .expect(201);
    const refused = await api.client
      .municipality(TONO)
      .post(`/v1/applications/${created.body.id}/submit`)
      .expect(422);
    expect(refused.body.errors.map((error: { rule: string }) => error.rule)).toContain('intake_open');
    await officer
      .put(
        '/v1/fiscal-years/2025/budget',
        { nationalBudget: 1_000_000_000, intakeOpen: true },
        { 'if-match': `"${current.body.revision}"` },
      )
      .expect(200);
  });
});
