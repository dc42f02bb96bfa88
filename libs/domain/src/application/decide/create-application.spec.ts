import {
  APPLICATION_ID,
  ampleBudget,
  budgetOfFy2025,
  command,
  completePlan,
  completePlanFunding,
  given,
  historyOf,
  reviewerA,
  story,
  T,
  TOWN,
  townOfficer,
  foreignOfficer,
  OTHER_TOWN,
} from '../../../test/fixtures';

describe('CreateApplication', () => {
  it('creates a draft of the officer’s municipality, assessed under the rule set of the round it would join', () => {
    const state = given([], { budget: ampleBudget() })
      .when(command.create())
      .then([
        {
          type: 'ApplicationCreated',
          data: {
            applicationId: APPLICATION_ID,
            municipalityCode: TOWN,
            plan: completePlan,
            assessment: {
              round: '2025-06',
              fiscalYear: 2025,
              ruleSetId: 'FY2025-v1',
              provisional: false,
              funding: completePlanFunding,
              warnings: [],
            },
            createdAt: T.created,
            createdBy: townOfficer.sub,
          },
        },
      ]);
    expect(state).toMatchObject({
      status: 'draft',
      id: APPLICATION_ID,
      municipalityCode: TOWN,
      reviewCycle: 0,
    });
  });

  it('saves a partial plan and names every missing field as a warning, without figures', () => {
    given([])
      .when(command.create({ projectTitle: 'Hop-growing brewery', costs: [{ category: 'facility' }] }))
      .then([
        {
          type: 'ApplicationCreated',
          data: {
            applicationId: APPLICATION_ID,
            municipalityCode: TOWN,
            plan: { projectTitle: 'Hop-growing brewery', costs: [{ category: 'facility' }] },
            assessment: {
              round: '2025-06',
              fiscalYear: 2025,
              ruleSetId: 'FY2025-v1',
              provisional: false,
              warnings: [
                'business.name',
                'summary',
                'municipality.disadvantagedArea',
                'municipality.fiscalStrengthIndex',
                'costs[0].amount',
                'funding.grant',
                'funding.loan.amount',
                'funding.loan.lenderType',
                'funding.ownFunds',
                'schedule.start',
                'schedule.completion',
              ].map((field) => ({
                rule: 'plan_complete',
                field,
                message: `${field} is required for submission`,
              })),
            },
            createdAt: T.created,
            createdBy: townOfficer.sub,
          },
        },
      ]);
  });

  it('saves a plan that breaks funding rules, listing each violation and warning as a warning', () => {
    const plan = {
      ...completePlan,
      summary: undefined,
      funding: {
        grant: 30_000_000,
        loan: { amount: 20_000_000, lenderType: 'city_bank' as const, secured: true },
        ownFunds: 10_000_000,
      },
    };
    const [event] = historyOf([command.create(plan)]);
    expect(event.type).toBe('ApplicationCreated');
    if (event.type !== 'ApplicationCreated') return;
    expect(event.data.assessment.funding).toMatchObject({ grant: 30_000_000, nationalShare: 22_500_000 });
    expect(event.data.assessment.warnings.map(({ rule, field }) => ({ rule, field }))).toEqual([
      { rule: 'plan_complete', field: 'summary' },
      { rule: 'loan_at_least_grant', field: 'funding.loan.amount' },
      { rule: 'grant_within_cap', field: 'funding.grant' },
      { rule: 'lender_eligible', field: 'funding.loan.lenderType' },
      { rule: 'loan_unsecured', field: 'funding.loan.secured' },
    ]);
  });

  it('warns that intake is closed when the fiscal year’s intake is closed', () => {
    const [event] = historyOf([command.create()], { budget: budgetOfFy2025(100_000_000, false) });
    expect(event.type === 'ApplicationCreated' && event.data.assessment.warnings).toEqual([
      {
        rule: 'intake_open',
        field: 'round',
        message: 'intake for FY2025 is closed',
        figures: { round: '2025-06', fiscalYear: 2025 },
      },
    ]);
  });

  it('assesses a plan for a fiscal year without its own rule set provisionally, under the latest earlier one', () => {
    const [event] = historyOf([command.create(completePlan, '2026-04-05T09:00:00+09:00')], {});
    expect(event.type === 'ApplicationCreated' && event.data.assessment).toMatchObject({
      round: '2026-04',
      fiscalYear: 2026,
      ruleSetId: 'FY2025-v1',
      provisional: true,
    });
  });

  it('warns, without refusing, when no rule set may apply', () => {
    const decision = given([], { allowProvisional: false });
    const state = decision.when(command.create(completePlan, '2026-04-05T09:00:00+09:00')).then([
      {
        type: 'ApplicationCreated',
        data: {
          applicationId: APPLICATION_ID,
          municipalityCode: TOWN,
          plan: completePlan,
          assessment: {
            round: '2026-04',
            fiscalYear: 2026,
            warnings: [
              {
                rule: 'rule_set_available',
                field: 'fiscalYear',
                message: 'no rule set applies to FY2026',
                figures: { fiscalYear: 2026 },
              },
            ],
          },
          createdAt: '2026-04-05T09:00:00+09:00',
          createdBy: townOfficer.sub,
        },
      },
    ]);
    expect(state.status).toBe('draft');
  });

  describe('refuses', () => {
    it('a role other than municipality', () => {
      given([])
        .when(command.create(completePlan, T.created, reviewerA))
        .thenRejects('forbidden');
    });

    it('an application for another municipality than the officer’s', () => {
      const forOtherTown = {
        ...command.create(),
        data: { ...command.create().data, municipalityCode: OTHER_TOWN },
      };
      given([]).when(forOtherTown).thenRejects('forbidden');
    });

    it('an id that is taken', () => {
      given(historyOf(story.draft())).when(command.create()).thenRejects('already_exists');
      given(historyOf(story.draft()))
        .when(command.create(completePlan, T.created, foreignOfficer))
        .thenRejects('already_exists');
    });

    it('malformed figures (a fractional yen), which are bad input rather than a broken rule', () => {
      given([])
        .when(command.create({ ...completePlan, funding: { ...completePlan.funding, grant: 1.5 } }))
        .thenRejects('invalid_command');
    });
  });
});
