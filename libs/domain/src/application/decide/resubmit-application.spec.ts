import {
  APPLICATION_ID,
  budgetOfFy2025,
  command,
  completePlan,
  completePlanFunding,
  foreignOfficer,
  given,
  historyOf,
  reviewerA,
  story,
  T,
  townOfficer,
} from '../../../test/fixtures';

const reviewedThenReturned = () => [
  ...story.underReview(),
  command.declare(reviewerA, false),
  command.review(reviewerA),
  command.requestRevision(),
];

describe('ResubmitApplication', () => {
  it('joins the round of the resubmission instant and opens a new review cycle', () => {
    const state = given(historyOf(reviewedThenReturned()))
      .when(command.resubmit())
      .then([
        {
          type: 'ApplicationResubmitted',
          data: {
            applicationId: APPLICATION_ID,
            round: '2025-08',
            fiscalYear: 2025,
            deadline: '2025-08-10T23:59:59.999+09:00',
            // 10 August + 42 days.
            decisionDueDate: '2025-09-21',
            ruleSetId: 'FY2025-v1',
            provisional: false,
            funding: completePlanFunding,
            warnings: [],
            reviewCycle: 2,
            submittedAt: T.resubmitted,
            submittedBy: townOfficer.sub,
          },
        },
      ]);
    expect(state).toMatchObject({
      status: 'submitted',
      round: '2025-08',
      reviewCycle: 2,
      reviewers: [],
      reviews: [],
    });
    expect(state).not.toHaveProperty('revisionRequest');
  });

  it('recomputes the figures of the revised plan', () => {
    const revised = {
      ...completePlan,
      funding: { ...completePlan.funding, grant: 18_000_000, ownFunds: 12_000_000 },
    };
    const [resubmitted] = historyOf([
      ...reviewedThenReturned(),
      command.replacePlan(revised),
      command.resubmit(),
    ]).slice(-1);
    expect(resubmitted.data).toMatchObject({
      funding: {
        grant: 18_000_000,
        nationalShare: 13_500_000,
        specialTaxShare: 2_250_000,
        municipalShare: 2_250_000,
      },
    });
  });

  describe('refuses', () => {
    it('a revised plan with violations, naming every one', () => {
      const broken = {
        ...completePlan,
        projectTitle: undefined,
        funding: { ...completePlan.funding, grant: 40_000_000 },
      };
      given(historyOf([...reviewedThenReturned(), command.replacePlan(broken)]))
        .when(command.resubmit())
        .thenRejectsWith({
          code: 'rule_violations',
          violations: [
            expect.objectContaining({ rule: 'plan_complete', field: 'projectTitle' }),
            expect.objectContaining({ rule: 'funding_matches_total_cost' }),
            expect.objectContaining({ rule: 'loan_at_least_grant' }),
            expect.objectContaining({ rule: 'grant_within_cap' }),
            expect.objectContaining({ rule: 'grant_within_half_of_eligible_cost' }),
          ],
        });
    });

    it('when the fiscal year’s intake is closed', () => {
      given(historyOf(reviewedThenReturned()), { budget: budgetOfFy2025(0, false) })
        .when(command.resubmit())
        .thenRejectsWith({
          code: 'rule_violations',
          violations: [expect.objectContaining({ rule: 'intake_open' })],
        });
    });

    it.each([
      ['draft', story.draft()],
      ['submitted', story.submitted()],
      ['under_review', story.underReview()],
      ['adopted', story.adopted()],
    ])('while %s', (_status, commands) => {
      given(historyOf(commands)).when(command.resubmit()).thenRejects('invalid_state');
    });

    it('another municipality’s application as if it did not exist', () => {
      given(historyOf(reviewedThenReturned()))
        .when(command.resubmit(T.resubmitted, foreignOfficer))
        .thenRejects('not_found');
    });
  });
});
