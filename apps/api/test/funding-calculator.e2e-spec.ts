import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startApiForTest } from './api-test-app';

/** A plan worked by hand: G 20,000,000 + L 30,000,000 + S 10,000,000 = 60,000,000 of facility costs. */
const plan = () => ({
  fiscalYear: 2025,
  municipality: { disadvantagedArea: true, fiscalStrengthIndex: 0.21 },
  costs: [{ category: 'facility', amount: 60_000_000, description: '加工場の改修' }],
  funding: {
    grant: 20_000_000,
    loan: { amount: 30_000_000, lenderType: 'shinkin_bank' },
    ownFunds: 10_000_000,
  },
  priorityCategories: [],
});

describe('POST /v1/funding/calculations', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApiForTest();
  });
  afterAll(async () => {
    await app.close();
  });

  const calculate = (body: unknown) =>
    request(app.getHttpServer())
      .post('/v1/funding/calculations')
      .set('content-type', 'application/json')
      .send(body as object);

  it('answers with every figure of the plan, worked by hand', async () => {
    const response = await calculate(plan()).expect(200);
    expect(response.body).toEqual({
      ruleSetId: 'FY2025-v1',
      provisional: false,
      track: 'national',
      financingForm: 'loan',
      totalCost: 60_000_000,
      eligibleCost: 60_000_000,
      grant: 20_000_000,
      // 30,000,000 / 20,000,000 = 1.5 exactly: the 35,000,000 band.
      loanMultiple: '1.50',
      cap: 35_000_000,
      // G = 25,000,000 ≤ L and within the 25,000,000 band, 2G ≤ 60,000,000: the largest that passes.
      maxGrant: 25_000_000,
      // Disadvantaged area with FSI 0.21 < 0.25: 3/4.
      subsidyRate: { numerator: 3, denominator: 4, basis: expect.any(Array) },
      nationalShare: 15_000_000,
      specialTaxShare: 2_500_000,
      municipalShare: 2_500_000,
      violations: [],
      warnings: [],
    });
  });

  it('lists rule violations without refusing the plan', async () => {
    const body = plan();
    body.funding.loan.amount = 19_999_999;
    body.funding.ownFunds = 20_000_001;
    const response = await calculate(body).expect(200);
    expect(response.body.violations.map((violation: { rule: string }) => violation.rule)).toContain(
      'loan_at_least_grant',
    );
  });

  it('marks a fiscal year without a rule set of its own as provisional', async () => {
    const response = await calculate({ ...plan(), fiscalYear: 2026 }).expect(200);
    expect(response.body).toMatchObject({ ruleSetId: 'FY2025-v1', provisional: true });
  });

  it('refuses a fiscal year no rule set covers with 422 naming fiscalYear', async () => {
    const response = await calculate({ ...plan(), fiscalYear: 2019 }).expect(422);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'fiscalYear', rule: 'rule_set_available' }),
    ]);
  });

  describe('refuses bad input with a 400 naming the field', () => {
    const withChange = (change: (body: ReturnType<typeof plan>) => void) => {
      const body = plan();
      change(body);
      return body;
    };
    it.each([
      ['a negative amount', withChange((b) => (b.costs[0].amount = -1)), 'costs[0].amount', 'min'],
      [
        'an unknown cost category',
        withChange((b) => ((b.costs[0] as { category: string }).category = 'travel')),
        'costs[0].category',
        'is_in',
      ],
      [
        'a fiscal-strength index of 7',
        withChange((b) => (b.municipality.fiscalStrengthIndex = 7)),
        'municipality.fiscalStrengthIndex',
        'max',
      ],
      [
        'a string where a number belongs',
        withChange((b) => ((b.funding as { grant: unknown }).grant = '20000000')),
        'funding.grant',
        'is_int',
      ],
      [
        'a fractional yen amount',
        withChange((b) => (b.funding.ownFunds = 0.5)),
        'funding.ownFunds',
        'is_int',
      ],
      [
        'an unknown lender type',
        withChange((b) => ((b.funding.loan as { lenderType: string }).lenderType = 'pawnshop')),
        'funding.loan.lenderType',
        'is_in',
      ],
      [
        'an unknown priority category',
        withChange((b) => ((b.priorityCategories as string[]) = ['tourism'])),
        'priorityCategories',
        'is_in',
      ],
      [
        'an unknown field',
        withChange((b) => ((b as Record<string, unknown>).discount = 1)),
        'discount',
        'unknown_field',
      ],
      [
        'a missing loan',
        withChange((b) => delete (b.funding as { loan?: unknown }).loan),
        'funding.loan',
        'is_defined',
      ],
      [
        'an impossible date',
        withChange(
          (b) =>
            ((b as Record<string, unknown>).schedule = { start: '2025-02-30', completion: '2026-03-31' }),
        ),
        'schedule.start',
        'is_calendar_date',
      ],
      [
        'a municipality code with a bad check digit (032078)',
        withChange((b) => ((b.municipality as Record<string, unknown>).code = '032078')),
        'municipality.code',
        'local_government_code',
      ],
      [
        'a municipality code of 5 digits',
        withChange((b) => ((b.municipality as Record<string, unknown>).code = '03207')),
        'municipality.code',
        'local_government_code',
      ],
      [
        'an unknown financing form',
        withChange((b) => ((b.funding.loan as Record<string, unknown>).form = 'gift')),
        'funding.loan.form',
        'is_in',
      ],
      [
        'a fiscal-strength index with float noise',
        withChange((b) => (b.municipality.fiscalStrengthIndex = 0.1 + 0.2)),
        'municipality.fiscalStrengthIndex',
        'is_number',
      ],
    ])('%s', async (_name, body, field, rule) => {
      const response = await calculate(body).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 400, title: 'Bad Request' });
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field, rule }));
    });

    it('a malformed JSON body', async () => {
      const response = await request(app.getHttpServer())
        .post('/v1/funding/calculations')
        .set('content-type', 'application/json')
        .send('{"fiscalYear": 2025,')
        .expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'body', rule: 'json_syntax' })]);
    });
  });

  describe('the corrected rules (issue 10), over HTTP', () => {
    const rulesOf = (issues: { rule: string }[]) => issues.map((issue) => issue.rule);

    it('an agricultural cooperative on the FY2025 national track → lender_eligible', async () => {
      const body = plan();
      (body.funding.loan as { lenderType: string }).lenderType = 'agricultural_cooperative';
      const response = await calculate(body).expect(200);

      expect(response.body.violations).toEqual([
        expect.objectContaining({ rule: 'lender_eligible', field: 'funding.loan.lenderType' }),
      ]);
    });

    it('an equity investment of 45,000,000 against a grant of 30,000,000 → cap 35,000,000, no violation', async () => {
      const response = await calculate({
        ...plan(),
        costs: [{ category: 'facility', amount: 75_000_000 }],
        funding: {
          grant: 30_000_000,
          loan: { amount: 45_000_000, lenderType: 'regional_bank', form: 'equity' },
          ownFunds: 0,
        },
      }).expect(200);

      expect(response.body).toMatchObject({
        financingForm: 'equity',
        loanMultiple: '1.50',
        cap: 35_000_000,
        violations: [],
      });
    });

    it('a prefecture (東京都 130001) on the local track → track_available', async () => {
      const response = await calculate({
        ...plan(),
        track: 'local',
        municipality: { code: '130001', disadvantagedArea: false, fiscalStrengthIndex: 1.1 },
      }).expect(200);

      expect(response.body.violations).toEqual([
        expect.objectContaining({
          rule: 'track_available',
          field: 'track',
          figures: { track: 'local', municipalityCode: '130001' },
        }),
      ]);
    });

    it('a local-track plan with L = 0 → outside_financing_present', async () => {
      const response = await calculate({
        ...plan(),
        track: 'local',
        municipality: { code: '032077', disadvantagedArea: true, fiscalStrengthIndex: 0.3 },
        funding: { grant: 20_000_000, loan: { amount: 0, lenderType: 'shinkin_bank' }, ownFunds: 40_000_000 },
      }).expect(200);

      expect(rulesOf(response.body.violations)).toEqual(['outside_financing_present']);
      expect(response.body.violations[0]).toMatchObject({ field: 'funding.loan.amount' });
    });

    it.each`
      who                      | code         | numerator | denominator | basis
      ${'岩手県 (prefecture)'} | ${'030007'}  | ${1}      | ${2}        | ${['base', 'disadvantaged_area_rates_for_municipalities_only']}
      ${'久慈市 (city)'}       | ${'032077'}  | ${3}      | ${4}        | ${['disadvantaged_area_fsi_below_0.25']}
      ${'no code'}             | ${undefined} | ${3}      | ${4}        | ${['disadvantaged_area_fsi_below_0.25']}
    `(
      'a disadvantaged area with FSI 0.2, $who → rate $numerator/$denominator',
      async ({ code, numerator, denominator, basis }) => {
        const response = await calculate({
          ...plan(),
          municipality: { code, disadvantagedArea: true, fiscalStrengthIndex: 0.2 },
        }).expect(200);

        expect(response.body.subsidyRate).toEqual({ numerator, denominator, basis });
        expect(response.body.violations).toEqual([]);
      },
    );
  });

  it.each([
    ['an array', [plan()]],
    [
      'nulls everywhere',
      { fiscalYear: null, municipality: null, costs: null, funding: null, priorityCategories: null },
    ],
    ['objects where arrays belong', { ...plan(), costs: { category: 'facility' } }],
    ['arrays where objects belong', { ...plan(), funding: [1, 2] }],
    ['a huge number', { ...plan(), fiscalYear: 1e308 }],
    ['a deeply wrong cost', { ...plan(), costs: [null, 'x', 3, []] }],
    ['an empty object', {}],
  ])('never answers %s with a 500', async (_name, body) => {
    const response = await calculate(body);
    expect(response.status).toBe(400);
    expect(response.body.errors.length).toBeGreaterThan(0);
  });
});
