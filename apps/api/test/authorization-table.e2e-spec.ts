import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startApiForTest, useWorkflowApi } from './api-test-app';
import { PinnedClock } from './pinned-clock';
import { sampleFiles } from './documents/sample-files';
import { CHIYODA, TEST_ENV, TONO, WorkflowClient, allMet, completePlan } from './workflow-client';

const SAMPLE_PDF = sampleFiles().pdf;

type Caller =
  | 'own_municipality'
  | 'foreign_municipality'
  | 'assigned_reviewer'
  | 'unassigned_reviewer'
  | 'program_officer'
  | 'auditor'
  | 'anonymous'
  /** 遠野市's officer who is also a programme officer: one token, both roles. */
  | 'own_municipality_as_officer'
  /** The assigned reviewer, whose token also makes them an officer of 遠野市. */
  | 'own_municipality_as_reviewer';
type Stage =
  | 'none'
  | 'draft'
  | 'submitted'
  | 'assigned'
  | 'declared'
  | 'reviewed'
  | 'revision_requested'
  | 'adopted'
  | 'grant_applied'
  | 'grant_decided'
  | 'change_requested'
  | 'reported'
  | 'confirmed'
  /** Local track: a draft of 遠野市 with a document attached, then confirmed, then reported to MIC. */
  | 'local_draft'
  | 'locally_confirmed'
  | 'reported_to_mic';

const LOCAL_STAGES: readonly Stage[] = ['local_draft', 'locally_confirmed', 'reported_to_mic'];
/** Dated on or before the pinned clock's day. */
const localConfirmation = (documentId: string) => ({
  kind: 'chamber_confirmation',
  by: '遠野商工会議所',
  on: '2025-06-01',
  assessments: allMet('local'),
  documentId,
});

/** completePlan with a machinery line added: a material change (a new cost category) that passes every rule. */
const materialChange = () => {
  const plan = completePlan();
  return {
    ...plan,
    costs: [...plan.costs, { category: 'machinery', amount: 5_000_000 }],
    funding: { ...plan.funding, ownFunds: plan.funding.ownFunds + 5_000_000 },
  };
};
const performanceReport = {
  actualCosts: [{ category: 'facility', amount: 60_000_000 }],
  actualFinancing: { loan: { amount: 30_000_000, lenderType: 'shinkin_bank' }, ownFunds: 10_000_000 },
  grantPaid: 20_000_000,
  completedOn: '2026-03-20',
};

interface Route {
  readonly method: 'post' | 'put' | 'get';
  /** As the OpenAPI document names it. */
  readonly path: string;
  /** The state a fixture application is brought to, so that the allowed caller succeeds. */
  readonly stage: Stage;
  /** A function where the body names the fixture's attached document. */
  readonly body?: unknown | ((made: { documentId?: string }) => unknown);
  readonly success: number;
  /** Caller → expected status; callers not listed get 403. */
  readonly allowed: Partial<Record<Caller, number>>;
  /** Sent as multipart/form-data: a small PDF as `file`, with `kind`. */
  readonly upload?: boolean;
}

/** Reading an application's documents: whoever may see the application. */
const DOCUMENT_READERS = {
  own_municipality: 200,
  foreign_municipality: 404,
  assigned_reviewer: 200,
  unassigned_reviewer: 404,
  program_officer: 200,
  auditor: 200,
} as const;

const ROUTES: readonly Route[] = [
  {
    method: 'post',
    path: '/v1/applications',
    stage: 'none',
    body: { plan: completePlan() },
    success: 201,
    allowed: { own_municipality: 201, foreign_municipality: 201 },
  },
  {
    method: 'put',
    path: '/v1/applications/{id}/plan',
    stage: 'draft',
    body: { plan: completePlan() },
    success: 200,
    allowed: { own_municipality: 200, foreign_municipality: 404 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/submit',
    stage: 'draft',
    success: 200,
    allowed: { own_municipality: 200, foreign_municipality: 404 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/withdraw',
    stage: 'draft',
    body: { reason: '取り下げ' },
    success: 200,
    allowed: { own_municipality: 200, foreign_municipality: 404 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/resubmit',
    stage: 'revision_requested',
    success: 200,
    allowed: { own_municipality: 200, foreign_municipality: 404 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/reviewers',
    stage: 'submitted',
    body: { reviewerId: 'reviewer-new' },
    success: 200,
    allowed: { program_officer: 200 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/conflict-declarations',
    stage: 'assigned',
    body: { hasConflict: false },
    success: 200,
    allowed: { assigned_reviewer: 200, unassigned_reviewer: 404 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/reviews',
    stage: 'declared',
    body: { assessments: allMet(), recommendation: 'adopt', comment: '良い' },
    success: 200,
    allowed: { assigned_reviewer: 200, unassigned_reviewer: 404 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/revision-requests',
    stage: 'assigned',
    body: { reason: '補足資料を' },
    success: 200,
    allowed: { program_officer: 200 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/decision',
    stage: 'reviewed',
    body: { outcome: 'adopted', reason: '採択' },
    success: 200,
    allowed: { program_officer: 200 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/grant-application',
    stage: 'adopted',
    body: { amount: 20_000_000 },
    success: 200,
    allowed: { own_municipality: 200, foreign_municipality: 404 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/grant-decision',
    stage: 'grant_applied',
    body: { grant: 20_000_000, conditions: '交付要綱に従うこと' },
    success: 200,
    allowed: { program_officer: 200 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/plan-changes',
    stage: 'grant_decided',
    body: { plan: materialChange(), reason: '設備の追加' },
    success: 200,
    allowed: { own_municipality: 200, foreign_municipality: 404 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/plan-changes/{changeId}/decision',
    stage: 'change_requested',
    body: { outcome: 'approved', reason: '妥当' },
    success: 200,
    allowed: { program_officer: 200 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/abandonment',
    stage: 'grant_decided',
    body: { reason: '事業者の廃業' },
    success: 200,
    allowed: { own_municipality: 200, foreign_municipality: 404 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/performance-report',
    stage: 'grant_decided',
    body: performanceReport,
    success: 200,
    allowed: { own_municipality: 200, foreign_municipality: 404 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/amount-confirmation',
    stage: 'reported',
    body: {},
    success: 200,
    allowed: { program_officer: 200 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/amount-confirmation/preview',
    stage: 'reported',
    body: {},
    success: 200,
    allowed: { program_officer: 200 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/payments',
    stage: 'confirmed',
    body: { amount: 1_000, paidOn: '2026-05-20' },
    success: 200,
    allowed: { program_officer: 200 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/documents',
    stage: 'draft',
    upload: true,
    success: 201,
    allowed: { own_municipality: 201, foreign_municipality: 404 },
  },
  {
    method: 'get',
    path: '/v1/applications/{id}/documents',
    stage: 'assigned',
    success: 200,
    allowed: DOCUMENT_READERS,
  },
  {
    method: 'get',
    path: '/v1/applications/{id}/documents/{documentId}',
    stage: 'assigned',
    success: 200,
    allowed: DOCUMENT_READERS,
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/local-confirmation',
    stage: 'local_draft',
    body: (made: { documentId?: string }) => localConfirmation(made.documentId ?? ''),
    success: 200,
    allowed: { own_municipality: 200, foreign_municipality: 404 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/report-to-mic',
    stage: 'locally_confirmed',
    body: (made: { documentId?: string }) => ({ schemeRulesDocumentId: made.documentId }),
    success: 200,
    allowed: { own_municipality: 200, foreign_municipality: 404 },
  },
  {
    method: 'post',
    path: '/v1/applications/{id}/acknowledgement',
    stage: 'reported_to_mic',
    body: { outcome: 'acknowledged', reason: '受理' },
    success: 200,
    allowed: { program_officer: 200 },
  },
  {
    method: 'post',
    path: '/v1/audit/verifications',
    stage: 'none',
    body: {},
    success: 200,
    allowed: { auditor: 200 },
  },
  {
    method: 'put',
    path: '/v1/fiscal-years/{fy}/budget',
    stage: 'none',
    body: { nationalBudget: 10_000_000_000, intakeOpen: true },
    success: 200,
    allowed: { program_officer: 200 },
  },
];

const CALLERS: readonly Caller[] = [
  'own_municipality',
  'foreign_municipality',
  'assigned_reviewer',
  'unassigned_reviewer',
  'program_officer',
  'auditor',
  'anonymous',
  'own_municipality_as_officer',
  'own_municipality_as_reviewer',
];

/**
 * Separation of duties: a token that carries the applicant's code acts for the municipality
 * where the municipality may, and is refused (403) wherever it would judge the application.
 */
function expectedFor(caller: Caller, route: Route): number {
  if (caller === 'anonymous') return 401;
  const asTheMunicipality = route.allowed.own_municipality;
  if (caller === 'own_municipality_as_officer') {
    if (asTheMunicipality !== undefined) return asTheMunicipality;
    const judgesTheApplication = route.path.includes('{id}');
    return route.allowed.program_officer !== undefined && !judgesTheApplication
      ? route.allowed.program_officer
      : 403;
  }
  if (caller === 'own_municipality_as_reviewer') return asTheMunicipality ?? 403;
  return route.allowed[caller] ?? 403;
}

/** Routes anyone may call: the calculator and dev tokens. Every other write must be in ROUTES. */
const PUBLIC_WRITES = ['POST /v1/funding/calculations', 'POST /v1/auth/dev-tokens'];

describe('authorisation: every write route × every role × own or foreign municipality', () => {
  let app: INestApplication;
  let client: WorkflowClient;
  const clock = new PinnedClock('2025-06-02T10:00:00+09:00');

  beforeAll(async () => {
    app = await startApiForTest(TEST_ENV, { clock });
    client = new WorkflowClient(app);
    await client
      .officer()
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 10_000_000_000, intakeOpen: true })
      .expect(200);
  });
  afterAll(async () => {
    await app.close();
  });

  /** A fresh application of 遠野市 in the stage the route needs; `reviewer-assigned` is its reviewer. */
  /** The stage's application, and the plan change waiting for a decision where there is one. */
  async function fixture(stage: Stage): Promise<{ id: string; changeId?: string; documentId?: string }> {
    const order: Stage[] = [
      'adopted',
      'grant_applied',
      'grant_decided',
      'change_requested',
      'reported',
      'confirmed',
    ];
    if (LOCAL_STAGES.includes(stage)) return localTrack(stage);
    if (!order.includes(stage)) return { id: await beforeAdoption(stage) };
    const id = await beforeAdoption('reviewed');
    const tono = client.municipality(TONO);
    const officer = client.officer();
    const reached = (step: Stage) => order.indexOf(stage) >= order.indexOf(step);
    await officer.post(`/v1/applications/${id}/decision`, { outcome: 'adopted', reason: '採択' }).expect(200);
    if (reached('grant_applied'))
      await tono.post(`/v1/applications/${id}/grant-application`, { amount: 20_000_000 }).expect(200);
    if (reached('grant_decided'))
      await officer
        .post(`/v1/applications/${id}/grant-decision`, {
          grant: 20_000_000,
          conditions: '交付要綱に従うこと',
        })
        .expect(200);
    if (stage === 'change_requested') {
      const asked = await tono
        .post(`/v1/applications/${id}/plan-changes`, { plan: materialChange(), reason: '設備の追加' })
        .expect(200);
      return { id, changeId: asked.body.award.changes[0].changeId };
    }
    if (reached('reported'))
      await tono.post(`/v1/applications/${id}/performance-report`, performanceReport).expect(200);
    if (reached('confirmed'))
      await officer.post(`/v1/applications/${id}/amount-confirmation`, {}).expect(200);
    return { id };
  }

  /** The local track's own steps, with the document the confirmation and the report name. */
  async function localTrack(stage: Stage): Promise<{ id: string; documentId: string }> {
    const tono = client.municipality(TONO);
    const plan = { ...completePlan(), track: 'local' };
    const id: string = (await tono.post('/v1/applications', { plan }).expect(201)).body.id;
    const documentId = await attachDocument(id);
    if (stage === 'local_draft') return { id, documentId };
    await tono.post(`/v1/applications/${id}/local-confirmation`, localConfirmation(documentId)).expect(200);
    if (stage === 'locally_confirmed') return { id, documentId };
    await tono
      .post(`/v1/applications/${id}/report-to-mic`, { schemeRulesDocumentId: documentId })
      .expect(200);
    return { id, documentId };
  }

  async function beforeAdoption(stage: Stage): Promise<string> {
    const tono = client.municipality(TONO);
    const officer = client.officer();
    const assigned = client.reviewer('reviewer-assigned');
    const id: string = (await tono.post('/v1/applications', { plan: completePlan() }).expect(201)).body.id;
    if (stage === 'draft' || stage === 'none') return id;
    await tono.post(`/v1/applications/${id}/submit`).expect(200);
    if (stage === 'submitted') return id;
    await officer.post(`/v1/applications/${id}/reviewers`, { reviewerId: 'reviewer-assigned' }).expect(200);
    if (stage === 'assigned') return id;
    if (stage === 'revision_requested') {
      await officer.post(`/v1/applications/${id}/revision-requests`, { reason: '補足' }).expect(200);
      return id;
    }
    await assigned.post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: false }).expect(200);
    if (stage === 'declared') return id;
    await assigned
      .post(`/v1/applications/${id}/reviews`, {
        assessments: allMet(),
        recommendation: 'adopt',
        comment: '良い',
      })
      .expect(200);
    const second = client.reviewer('reviewer-second');
    await officer.post(`/v1/applications/${id}/reviewers`, { reviewerId: 'reviewer-second' }).expect(200);
    await second.post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: false }).expect(200);
    await second
      .post(`/v1/applications/${id}/reviews`, {
        assessments: allMet(),
        recommendation: 'adopt',
        comment: '良い',
      })
      .expect(200);
    return id;
  }

  /** The token each caller's requests carry (as `client` issues them), none for the anonymous. */
  function tokenOf(caller: Caller): Promise<string> | undefined {
    switch (caller) {
      case 'own_municipality':
        return client.token(`officer-${TONO}`, 'municipality', TONO);
      case 'foreign_municipality':
        return client.token(`officer-${CHIYODA}`, 'municipality', CHIYODA);
      case 'assigned_reviewer':
        return client.token('reviewer-assigned', 'reviewer');
      case 'unassigned_reviewer':
        return client.token('reviewer-elsewhere', 'reviewer');
      case 'program_officer':
        return client.token('officer-mic', 'program_officer');
      case 'auditor':
        return client.token('auditor-1', 'auditor');
      case 'own_municipality_as_officer':
        return client.token('officer-032077-mic', ['municipality', 'program_officer'], TONO);
      case 'own_municipality_as_reviewer':
        return client.token('reviewer-assigned', ['municipality', 'reviewer'], TONO);
      case 'anonymous':
        return undefined;
    }
  }

  async function uploadAs(caller: Caller, path: string) {
    const token = await tokenOf(caller);
    const call = request(app.getHttpServer()).post(path);
    if (token) call.set('authorization', `Bearer ${token}`);
    return call.field('kind', 'evidence').attach('file', SAMPLE_PDF, '証拠書類.pdf');
  }

  async function attachDocument(id: string): Promise<string> {
    const answer = await uploadAs('own_municipality', `/v1/applications/${id}/documents`);
    expect(answer.status).toBe(201);
    return answer.body.documentId;
  }

  async function getAs(caller: Caller, path: string) {
    const token = await tokenOf(caller);
    const call = request(app.getHttpServer()).get(path);
    if (token) call.set('authorization', `Bearer ${token}`);
    return call;
  }

  function callAs(caller: Caller, route: Route, path: string) {
    if (route.upload) return uploadAs(caller, path);
    if (route.method === 'get') return getAs(caller, path);
    const method = route.method;
    switch (caller) {
      case 'own_municipality':
        return client.municipality(TONO)[method](path, route.body).response();
      case 'foreign_municipality':
        return client.municipality(CHIYODA)[method](path, route.body).response();
      case 'assigned_reviewer':
        return client.reviewer('reviewer-assigned')[method](path, route.body).response();
      case 'unassigned_reviewer':
        return client.reviewer('reviewer-elsewhere')[method](path, route.body).response();
      case 'program_officer':
        return client.officer()[method](path, route.body).response();
      case 'auditor':
        return client.auditor()[method](path, route.body).response();
      case 'own_municipality_as_officer': {
        const officer = client.as('officer-032077-mic', ['municipality', 'program_officer'], TONO);
        return officer[method](path, route.body).response();
      }
      case 'own_municipality_as_reviewer': {
        const reviewer = client.as('reviewer-assigned', ['municipality', 'reviewer'], TONO);
        return reviewer[method](path, route.body).response();
      }
      case 'anonymous': {
        const call = request(app.getHttpServer())[method](path);
        return route.body === undefined ? call : call.send(route.body as object);
      }
    }
  }

  const cells = ROUTES.flatMap((route) =>
    CALLERS.map((caller) => {
      const expected = expectedFor(caller, route);
      return [`${route.method.toUpperCase()} ${route.path}`, caller, expected, route] as const;
    }),
  );

  it.each(cells)('%s as %s → %i', async (_name, caller, expected, described) => {
    const made = described.path.includes('{id}') ? await fixture(described.stage) : undefined;
    const route =
      typeof described.body === 'function' ? { ...described, body: described.body(made ?? {}) } : described;
    const documentId = route.path.includes('{documentId}') && made ? await attachDocument(made.id) : '';
    const path = route.path
      .replace('{id}', made?.id ?? '')
      .replace('{changeId}', made?.changeId ?? '')
      .replace('{documentId}', documentId)
      .replace('{fy}', '2025');
    const response = await callAs(caller, route, path);
    expect({
      status: response.status,
      body: response.status === expected ? undefined : response.body,
    }).toEqual({ status: expected, body: undefined });
    if (expected >= 400) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.length).toBeGreaterThan(0);
    }
    const judges =
      route.method !== 'get' &&
      ((caller === 'own_municipality_as_officer' && route.allowed.program_officer !== undefined) ||
        (caller === 'own_municipality_as_reviewer' && route.allowed.assigned_reviewer !== undefined));
    if (judges && route.path.includes('{id}'))
      expect(response.body.errors.map((error: { rule: string }) => error.rule)).toEqual([
        'separation_of_duties',
      ]);
  });

  it('leaves no write route out of the table', async () => {
    const document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const writes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const covered = ROUTES.filter((route) => route.method !== 'get').map(
      (route) => `${route.method.toUpperCase()} ${route.path}`,
    );
    expect(writes.filter((write) => !PUBLIC_WRITES.includes(write)).sort()).toEqual([...covered].sort());
  });
});

describe('authorisation: who may know who reviewed', () => {
  const api = useWorkflowApi('2025-06-02T10:00:00+09:00');
  let id: string;
  const REVIEWERS = ['reviewer-ito', 'reviewer-kato', 'reviewer-mori'];
  const CONFLICT_DETAIL = '申請事業者の役員と親族関係';

  beforeAll(async () => {
    const tono = api.client.municipality(TONO);
    const officer = api.client.officer();
    await officer
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 100_000_000, intakeOpen: true })
      .expect(200);
    id = (await tono.post('/v1/applications', { plan: completePlan() }).expect(201)).body.id;
    await tono.post(`/v1/applications/${id}/submit`).expect(200);
    for (const reviewer of REVIEWERS)
      await officer.post(`/v1/applications/${id}/reviewers`, { reviewerId: reviewer }).expect(200);
    await api.client
      .reviewer('reviewer-mori')
      .post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: true, detail: CONFLICT_DETAIL })
      .expect(200);
    for (const reviewer of REVIEWERS.slice(0, 2)) {
      const expert = api.client.reviewer(reviewer);
      await expert.post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: false }).expect(200);
      await expert
        .post(`/v1/applications/${id}/reviews`, {
          assessments: allMet(),
          recommendation: 'adopt',
          comment: reviewer === 'reviewer-ito' ? '地域資源の活用は十分' : '資金計画は妥当',
        })
        .expect(200);
    }
    await api.project();
  });

  const mentionsAReviewer = (body: unknown): string[] =>
    [...REVIEWERS, CONFLICT_DETAIL].filter((secret) => JSON.stringify(body).includes(secret));

  it('shows the owning municipality the reviews as 審査員A, B, C, with no reviewer id or conflict detail anywhere', async () => {
    const view = (await api.client.municipality(TONO).get(`/v1/applications/${id}`).expect(200)).body;
    expect(mentionsAReviewer(view)).toEqual([]);
    expect(
      view.reviewers.map((reviewer: { reviewer: string; recused: boolean }) => [
        reviewer.reviewer,
        reviewer.recused,
      ]),
    ).toEqual([
      ['審査員A', false],
      ['審査員B', false],
      ['審査員C', true],
    ]);
    expect(
      view.reviews.map((review: { reviewer: string; comment: string }) => [review.reviewer, review.comment]),
    ).toEqual([
      ['審査員A', '地域資源の活用は十分'],
      ['審査員B', '資金計画は妥当'],
    ]);
  });

  it('keeps the reviewers anonymous in the municipality’s history and in its own write answers', async () => {
    const tono = api.client.municipality(TONO);
    const history = (await tono.get(`/v1/applications/${id}/history`).expect(200)).body;
    expect(mentionsAReviewer(history)).toEqual([]);
    const assigned = history.items.filter((item: { type: string }) => item.type === 'ReviewerAssigned');
    expect(assigned.map((item: { data: { reviewer: string } }) => item.data.reviewer)).toEqual([
      '審査員A',
      '審査員B',
      '審査員C',
    ]);
    const withdrawn = (
      await tono.post(`/v1/applications/${id}/withdraw`, { reason: '事業者の事情' }).expect(200)
    ).body;
    expect(withdrawn.status).toBe('withdrawn');
    expect(mentionsAReviewer(withdrawn)).toEqual([]);
  });

  it('names every reviewer to the programme officer and the auditor', async () => {
    for (const reader of [api.client.officer(), api.client.auditor()]) {
      const view = (await reader.get(`/v1/applications/${id}`).expect(200)).body;
      expect(view.reviews.map((review: { reviewerId: string }) => review.reviewerId)).toEqual(
        REVIEWERS.slice(0, 2),
      );
      expect(view.reviewers[2]).toMatchObject({
        reviewer: '審査員C',
        reviewerId: 'reviewer-mori',
        conflictDeclaration: { hasConflict: true, detail: CONFLICT_DETAIL },
      });
    }
    const state = (await api.client.auditor().get(`/v1/applications/${id}/state?revision=6`).expect(200))
      .body;
    expect(mentionsAReviewer(state)).toEqual([...REVIEWERS, CONFLICT_DETAIL]);
  });

  it('lets a reviewer recognise their own entry only', async () => {
    const view = (await api.client.reviewer('reviewer-kato').get(`/v1/applications/${id}`).expect(200)).body;
    expect(
      view.reviews.map((review: { reviewer: string; reviewerId?: string }) => [
        review.reviewer,
        review.reviewerId,
      ]),
    ).toEqual([
      ['審査員A', undefined],
      ['審査員B', 'reviewer-kato'],
    ]);
  });
});
