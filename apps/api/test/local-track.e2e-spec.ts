import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { useWorkflowApi } from './api-test-app';
import { sampleFiles } from './documents/sample-files';
import { TONO, allMet, completePlan } from './workflow-client';

const localPlan = () => ({ ...completePlan(), track: 'local' });

describe('the local track, over HTTP: draft → locally confirmed → reported → returned → reported → acknowledged', () => {
  const api = useWorkflowApi('2025-06-02T10:00:00+09:00');

  /** Through the real upload route (multipart), as a municipality attaches papers. */
  async function upload(id: string, kind: string, filename: string): Promise<string> {
    const token = await api.client.token(`officer-${TONO}`, 'municipality', TONO);
    const answer = await request(api.app.getHttpServer())
      .post(`/v1/applications/${id}/documents`)
      .set('authorization', `Bearer ${token}`)
      .field('kind', kind)
      .attach('file', sampleFiles().pdf, filename);
    expect(answer.status).toBe(201);
    return answer.body.documentId;
  }

  const confirmation = (documentId: string) => ({
    kind: 'expert_review',
    by: '遠野市地域経済循環審査会',
    on: '2025-06-02',
    assessments: allMet('local'),
    documentId,
  });

  let id: string;
  let confirmationDocument: string;
  let schemeRules: string;

  beforeAll(async () => {
    await api.client
      .officer()
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 1_000_000_000, intakeOpen: true })
      .expect(200);
    const tono = api.client.municipality(TONO);
    id = (await tono.post('/v1/applications', { plan: localPlan() }).expect(201)).body.id;
    confirmationDocument = await upload(id, 'local_confirmation', '有識者審査結果.pdf');
    schemeRules = await upload(id, 'scheme_rules', '補助要綱.pdf');
  });

  it('refuses a confirmation naming a document not attached to this application, naming documentId', async () => {
    const answer = await api.client
      .municipality(TONO)
      .post(`/v1/applications/${id}/local-confirmation`, confirmation(randomUUID()))
      .expect(422);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: 'documentId', rule: 'document_attached' }),
    ]);
  });

  it('runs the whole local workflow, with a return and a second report', async () => {
    const tono = api.client.municipality(TONO);
    const officer = api.client.officer();

    const confirmed = await tono
      .post(`/v1/applications/${id}/local-confirmation`, confirmation(confirmationDocument))
      .expect(200);
    expect(confirmed.body).toMatchObject({
      status: 'locally_confirmed',
      track: 'local',
      localConfirmation: {
        kind: 'expert_review',
        by: '遠野市地域経済循環審査会',
        on: '2025-06-02',
        assessments: allMet('local'),
        documentId: confirmationDocument,
      },
    });

    const unattachedRules = await tono
      .post(`/v1/applications/${id}/report-to-mic`, { schemeRulesDocumentId: randomUUID() })
      .expect(422);
    expect(unattachedRules.body.errors).toEqual([
      expect.objectContaining({ field: 'schemeRulesDocumentId', rule: 'document_attached' }),
    ]);

    const reported = await tono
      .post(`/v1/applications/${id}/report-to-mic`, { schemeRulesDocumentId: schemeRules })
      .expect(200);
    expect(reported.body).toMatchObject({
      status: 'reported_to_mic',
      round: '2025-06',
      fiscalYear: 2025,
      ruleSetId: 'FY2025-v1',
      funding: { track: 'local', grant: 20_000_000, nationalShare: 0 },
      micReport: { schemeRulesDocumentId: schemeRules, reportNumber: 1 },
    });
    expect(reported.body).not.toHaveProperty('acknowledgement');

    const returned = await officer
      .post(`/v1/applications/${id}/acknowledgement`, {
        outcome: 'returned',
        reason: '補助要綱の補助率の記載がない',
      })
      .expect(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      acknowledgement: {
        outcome: 'returned',
        reason: '補助要綱の補助率の記載がない',
        answeredBy: 'officer-mic',
      },
    });

    const edited = await tono
      .put(`/v1/applications/${id}/plan`, {
        plan: { ...localPlan(), summary: '遠野産ホップの醸造所（補助率を明記）' },
      })
      .expect(200);
    expect(edited.body).toMatchObject({
      status: 'returned',
      plan: { summary: '遠野産ホップの醸造所（補助率を明記）' },
    });

    // After 10 June the report joins the July round.
    api.clock.set('2025-06-20T10:00:00+09:00');
    const again = await tono
      .post(`/v1/applications/${id}/report-to-mic`, { schemeRulesDocumentId: schemeRules })
      .expect(200);
    expect(again.body).toMatchObject({
      status: 'reported_to_mic',
      round: '2025-07',
      micReport: { reportNumber: 2 },
    });
    expect(again.body).not.toHaveProperty('acknowledgement');

    const acknowledged = await officer
      .post(`/v1/applications/${id}/acknowledgement`, { outcome: 'acknowledged', reason: '受理' })
      .expect(200);
    expect(acknowledged.body).toMatchObject({
      status: 'acknowledged',
      acknowledgement: { outcome: 'acknowledged', reason: '受理' },
      reviewers: [],
      reviews: [],
    });
    expect(acknowledged.body).not.toHaveProperty('decision');
    expect(acknowledged.body).not.toHaveProperty('award');
    // The return answered by report 2 stays readable, with what was missing.
    const earlierReturns = [
      {
        reportNumber: 1,
        reason: '補助要綱の補助率の記載がない',
        returnedAt: expect.any(String),
        returnedBy: 'officer-mic',
      },
    ];
    expect(acknowledged.body.earlierReturns).toEqual(earlierReturns);
    expect(again.body.earlierReturns).toEqual(earlierReturns);
    expect(returned.body).not.toHaveProperty('earlierReturns');

    await tono.post(`/v1/applications/${id}/withdraw`, { reason: '取り下げ' }).expect(409);

    await api.project();
    expect((await tono.get(`/v1/applications/${id}`).expect(200)).body.earlierReturns).toEqual(
      earlierReturns,
    );
    const history = await officer.get(`/v1/applications/${id}/history`).expect(200);
    const types = (history.body.items ?? history.body).map((event: { type: string }) => event.type);
    expect(types).toEqual([
      'ApplicationCreated',
      'DocumentAttached',
      'DocumentAttached',
      'LocalConfirmationRecorded',
      'ReportedToMic',
      'MicReportReturned',
      'ApplicationPlanReplaced',
      'ReportedToMic',
      'MicReportAcknowledged',
    ]);
  });

  it.each([
    ['municipality', 'submit', undefined],
    ['municipality', 'resubmit', undefined],
    ['officer', 'reviewers', { reviewerId: 'reviewer-sato' }],
    ['officer', 'revision-requests', { reason: '補足' }],
    ['officer', 'decision', { outcome: 'adopted', reason: '採択' }],
  ] as const)(
    'refuses the national route %s/%s for the local-track application: 409 naming the track',
    async (who, route, body) => {
      const caller = who === 'officer' ? api.client.officer() : api.client.municipality(TONO);
      const answer = await caller.post(`/v1/applications/${id}/${route}`, body).expect(409);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ code: 'wrong_track' });
      expect(answer.body.errors).toEqual([
        expect.objectContaining({
          field: 'track',
          rule: 'track_matches',
          figures: { track: 'local', expected: 'national' },
        }),
      ]);
      expect(answer.body.detail ?? answer.body.title).toContain('local track');
    },
  );

  it('refuses a national application on the local routes: 409 naming the track', async () => {
    const tono = api.client.municipality(TONO);
    const national: string = (await tono.post('/v1/applications', { plan: completePlan() }).expect(201)).body
      .id;
    const documentId = await upload(national, 'evidence', '確認書.pdf');
    const answer = await tono
      .post(`/v1/applications/${national}/local-confirmation`, confirmation(documentId))
      .expect(409);
    expect(answer.body).toMatchObject({ code: 'wrong_track' });
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: 'track', figures: { track: 'national', expected: 'local' } }),
    ]);
    await tono
      .post(`/v1/applications/${national}/report-to-mic`, { schemeRulesDocumentId: documentId })
      .expect(409);
    await tono.post(`/v1/applications/${national}/submit`).expect(200);
    const acknowledgement = await api.client
      .officer()
      .post(`/v1/applications/${national}/acknowledgement`, { outcome: 'acknowledged', reason: '受理' })
      .expect(409);
    expect(acknowledgement.body.code).toBe('wrong_track');
  });

  it('lists it by status, counts it in the local track’s own statistics columns, and exports its events', async () => {
    await api.project();
    const officer = api.client.officer();
    const listed = await officer.get('/v1/applications?status=acknowledged').expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect(listed.body.items[0]).toMatchObject({ status: 'acknowledged' });

    const statistics = await officer.get('/v1/statistics/monthly?fiscalYear=2025').expect(200);
    const round = (name: string) =>
      statistics.body.rounds.find((row: { round: string }) => row.round === name);
    expect(round('2025-06')).toMatchObject({
      submitted: 0,
      localReported: 1,
      localReturned: 1,
      localAcknowledged: 0,
      localGrant: 20_000_000,
    });
    expect(round('2025-07')).toMatchObject({
      // The national application submitted on 20 June above.
      submitted: 1,
      localReported: 1,
      localAcknowledged: 1,
      localReturned: 0,
      localGrant: 20_000_000,
    });

    const exported = await api.client
      .auditor()
      .get('/v1/audit/export?fiscalYear=2025&format=ndjson')
      .expect(200);
    const lines = exported.text
      .trim()
      .split('\n')
      .map(
        (line) => JSON.parse(line) as { type: string; streamId?: string; data?: { applicationId?: string } },
      );
    const ofLocal = lines.filter((line) => line.data?.applicationId === id).map((line) => line.type);
    expect(ofLocal).toEqual([
      'ApplicationCreated',
      'DocumentAttached',
      'DocumentAttached',
      'LocalConfirmationRecorded',
      'ReportedToMic',
      'MicReportReturned',
      'ApplicationPlanReplaced',
      'ReportedToMic',
      'MicReportAcknowledged',
    ]);
  });
});
