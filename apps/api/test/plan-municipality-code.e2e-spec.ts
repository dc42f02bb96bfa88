import { useWorkflowApi } from './api-test-app';
import { completePlan } from './workflow-client';

const IWATE = '030007';
const KUJI = '032077';
const TOKYO = '130001';

/** The rules read an application with its owner's code, and with its round; the plan cannot name a code. */
describe('an application is judged as its owner’s: 市町村 or prefecture', () => {
  const api = useWorkflowApi('2025-06-02T10:00:00+09:00');
  const rulesOf = (issues: { rule: string }[]) => issues.map((issue) => issue.rule);

  it.each`
    owner    | who                        | numerator | denominator | basis
    ${KUJI}  | ${'久慈市 (a city)'}       | ${3}      | ${4}        | ${['disadvantaged_area_fsi_below_0.25']}
    ${IWATE} | ${'岩手県 (a prefecture)'} | ${1}      | ${2}        | ${['base', 'disadvantaged_area_rates_for_municipalities_only']}
  `(
    '$who drafting a disadvantaged-area plan with FSI 0.21 → rate $numerator/$denominator',
    async ({ owner, numerator, denominator, basis }) => {
      const created = await api.client
        .municipality(owner)
        .post('/v1/applications', { plan: completePlan() })
        .expect(201);

      expect(created.body.municipalityCode).toBe(owner);
      expect(created.body.assessment.funding.subsidyRate).toEqual({ numerator, denominator, basis });
    },
  );

  it('a prefecture’s (東京都) local-track draft is warned track_available; a 市町村’s is not', async () => {
    const plan = { ...completePlan(), track: 'local' };
    const tokyo = await api.client.municipality(TOKYO).post('/v1/applications', { plan }).expect(201);
    const kuji = await api.client.municipality(KUJI).post('/v1/applications', { plan }).expect(201);

    expect(rulesOf(tokyo.body.warnings)).toContain('track_available');
    expect(rulesOf(kuji.body.warnings)).not.toContain('track_available');
  });

  it('a plan cannot name a code of its own: municipality.code is a 400 unknown field', async () => {
    const plan = {
      ...completePlan(),
      municipality: { code: TOKYO, disadvantagedArea: true, fiscalStrengthIndex: 0.21 },
    };
    const refused = await api.client.municipality(KUJI).post('/v1/applications', { plan }).response();

    expect(refused.status).toBe(400);
    expect(refused.body.errors).toContainEqual(
      expect.objectContaining({ field: 'plan.municipality.code', rule: 'unknown_field' }),
    );
  });

  it('keeps an equity investment in the plan, counted like a loan', async () => {
    const plan = completePlan();
    const equity = { ...plan, funding: { ...plan.funding, loan: { ...plan.funding.loan, form: 'equity' } } };
    const created = await api.client
      .municipality(KUJI)
      .post('/v1/applications', { plan: equity })
      .expect(201);
    const asLoan = await api.client.municipality(KUJI).post('/v1/applications', { plan }).expect(201);

    expect(created.body.plan.funding.loan.form).toBe('equity');
    expect(created.body.assessment.funding).toEqual(asLoan.body.assessment.funding);
    expect(rulesOf(created.body.warnings)).toEqual(rulesOf(asLoan.body.warnings));
  });

  it('a draft saved in March 2026 for a plan completing on 31 March warns completion_after_decision', async () => {
    api.clock.set('2026-03-05T10:00:00+09:00');
    const created = await api.client
      .municipality(KUJI)
      .post('/v1/applications', { plan: completePlan() })
      .expect(201);

    expect(created.body.warnings).toContainEqual(
      expect.objectContaining({
        rule: 'completion_after_decision',
        figures: { completion: '2026-03-31', round: '2026-03', decisionDueDate: '2026-04-21' },
      }),
    );
  });
});
