import {
  APPLICATION_ID,
  ampleBudget,
  budgetOfFy2025,
  command,
  completePlan,
  completePlanFunding,
  foreignOfficer,
  given,
  historyOf,
  june2025Round,
  programOfficer,
  story,
  T,
  townOfficer,
} from '../../../test/fixtures';
import { initialBudgetState } from '../../budget/state';

describe('SubmitApplication', () => {
  it('submits a complete, valid draft into the round of its instant, recording the rule set and the figures', () => {
    const state = given(historyOf(story.draft()), { budget: ampleBudget() })
      .when(command.submit())
      .then([
        {
          type: 'ApplicationSubmitted',
          data: {
            applicationId: APPLICATION_ID,
            ...june2025Round,
            ruleSetId: 'FY2025-v1',
            provisional: false,
            funding: completePlanFunding,
            warnings: [],
            reviewCycle: 1,
            submittedAt: T.submitted,
            submittedBy: townOfficer.sub,
          },
        },
      ]);
    expect(state).toMatchObject({
      status: 'submitted',
      ...june2025Round,
      ruleSetId: 'FY2025-v1',
      provisional: false,
      funding: completePlanFunding,
      submittedAt: T.submitted,
      reviewCycle: 1,
      reviewers: [],
      reviews: [],
    });
  });

  it('joins the next month’s round from the 11th (JST)', () => {
    const onThe11th = '2025-06-10T15:00:00Z'; // 2025-06-11 00:00 JST
    const [, submitted] = historyOf([command.create(), command.submit(onThe11th)]);
    expect(submitted.data).toMatchObject({
      round: '2025-07',
      fiscalYear: 2025,
      deadline: '2025-07-10T23:59:59.999+09:00',
      decisionDueDate: '2025-08-21',
    });
  });

  it('treats a fiscal year without a budget stream as open for intake', () => {
    given(historyOf(story.draft()), { budget: initialBudgetState(2025) })
      .when(command.submit())
      .then(historyOf(story.submitted()).slice(1));
    given(historyOf(story.draft()), {}).when(command.submit()).then(historyOf(story.submitted()).slice(1));
  });

  it('records the provisional use of an earlier year’s rule set', () => {
    const at = '2026-04-05T09:00:00+09:00';
    given(historyOf(story.draft()), {})
      .when(command.submit(at))
      .then([
        {
          type: 'ApplicationSubmitted',
          data: {
            applicationId: APPLICATION_ID,
            round: '2026-04',
            fiscalYear: 2026,
            deadline: '2026-04-10T23:59:59.999+09:00',
            decisionDueDate: '2026-05-22',
            ruleSetId: 'FY2025-v1',
            provisional: true,
            funding: completePlanFunding,
            // The plan completes on 2026-03-31, before this round is decided.
            warnings: [
              expect.objectContaining({
                rule: 'completion_after_decision',
                figures: { completion: '2026-03-31', round: '2026-04', decisionDueDate: '2026-05-22' },
              }),
            ],
            reviewCycle: 1,
            submittedAt: at,
            submittedBy: townOfficer.sub,
          },
        },
      ]);
  });

  it('records the calculator’s warnings with the submission', () => {
    const plan = {
      ...completePlan,
      costs: [...(completePlan.costs ?? []), { category: 'other' as const, amount: 0 }],
    };
    const [, submitted] = historyOf([command.create(plan), command.submit()]);
    expect(submitted.type === 'ApplicationSubmitted' && submitted.data.warnings.map((w) => w.rule)).toEqual([
      'cost_category_eligible',
    ]);
  });

  describe('refuses', () => {
    it('a plan with violations, naming every one of them: completeness, funding rules and closed intake', () => {
      const plan = {
        ...completePlan,
        summary: ' ',
        schedule: { start: '2025-08-01' },
        funding: {
          grant: 30_000_000,
          loan: { amount: 20_000_000, lenderType: 'city_bank' as const },
          ownFunds: 10_000_000,
        },
      };
      given(historyOf([command.create(plan)]), { budget: budgetOfFy2025(100_000_000, false) })
        .when(command.submit())
        .thenRejectsWith({
          code: 'rule_violations',
          violations: [
            { rule: 'plan_complete', field: 'summary', message: 'summary is required for submission' },
            {
              rule: 'plan_complete',
              field: 'schedule.completion',
              message: 'schedule.completion is required for submission',
            },
            expect.objectContaining({ rule: 'loan_at_least_grant', field: 'funding.loan.amount' }),
            expect.objectContaining({
              rule: 'grant_within_cap',
              field: 'funding.grant',
              figures: expect.objectContaining({ grant: 30_000_000, cap: 25_000_000 }),
            }),
            expect.objectContaining({ rule: 'lender_eligible', field: 'funding.loan.lenderType' }),
            {
              rule: 'intake_open',
              field: 'round',
              message: 'intake for FY2025 is closed',
              figures: { round: '2025-06', fiscalYear: 2025 },
            },
          ],
        });
    });

    it('a valid plan when the fiscal year’s intake is closed', () => {
      given(historyOf(story.draft()), { budget: budgetOfFy2025(100_000_000, false) })
        .when(command.submit())
        .thenRejectsWith({
          code: 'rule_violations',
          violations: [
            {
              rule: 'intake_open',
              field: 'round',
              message: 'intake for FY2025 is closed',
              figures: { round: '2025-06', fiscalYear: 2025 },
            },
          ],
        });
    });

    it('when no rule set may apply to the round’s fiscal year', () => {
      given(historyOf(story.draft()), { allowProvisional: false })
        .when(command.submit('2026-04-05T09:00:00+09:00'))
        .thenRejectsWith({
          code: 'rule_set_unavailable',
          violations: [
            {
              rule: 'rule_set_available',
              field: 'fiscalYear',
              message: 'no rule set applies to FY2026',
              figures: { fiscalYear: 2026 },
            },
          ],
        });
    });

    it('with another fiscal year’s budget as context', () => {
      given(historyOf(story.draft()), { budget: initialBudgetState(2024) })
        .when(command.submit())
        .thenRejects('invalid_command');
    });

    it('anything but a draft', () => {
      given(historyOf(story.submitted())).when(command.submit()).thenRejects('invalid_state');
      given(historyOf(story.revisionRequested())).when(command.submit()).thenRejects('invalid_state');
      given(historyOf(story.withdrawn())).when(command.submit()).thenRejects('invalid_state');
    });

    it('an application that does not exist, or is another municipality’s', () => {
      given([]).when(command.submit()).thenRejects('not_found');
      given(historyOf(story.draft()))
        .when(command.submit(T.submitted, foreignOfficer))
        .thenRejects('not_found');
    });

    it('a role other than municipality', () => {
      given(historyOf(story.draft()))
        .when(command.submit(T.submitted, programOfficer))
        .thenRejects('forbidden');
    });
  });
});
