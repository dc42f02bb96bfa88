import type { Assessments } from '../review';
import { initialBudgetState } from '../../budget/state';
import {
  allMet,
  ampleBudget,
  APPLICATION_ID,
  budgetOfFy2025,
  command,
  completePlan,
  completePlanFunding,
  given,
  historyOf,
  localPlan,
  localPlanFunding,
  programOfficer,
  reviewerA,
  reviewerB,
  reviewerC,
  story,
  T,
  townOfficer,
} from '../../../test/fixtures';

const adopted = (overrides: object = {}) => ({
  type: 'ApplicationAdopted' as const,
  data: {
    applicationId: APPLICATION_ID,
    fiscalYear: 2025,
    reason: 'meets every requirement',
    requestedGrant: 20_000_000,
    approvedGrant: 20_000_000,
    ruleSetId: 'FY2025-v1',
    provisional: false,
    funding: completePlanFunding,
    reviewCycle: 1,
    reviewsCounted: 2,
    decidedAt: T.decided,
    decidedBy: programOfficer.sub,
    ...overrides,
  },
});

const modelCaseNotMet: Assessments = {
  ...allMet(),
  model_case: { met: false, comment: 'too specific to this town' },
};

describe('DecideApplication', () => {
  describe('adopted', () => {
    it('adopts with the requested grant after two reviews (a third reviewer recused), recording the figures', () => {
      const state = given(historyOf(story.reviewed()), { budget: ampleBudget() })
        .when(command.adopt())
        .then([adopted()]);
      expect(state).toMatchObject({
        status: 'adopted',
        decision: {
          outcome: 'adopted',
          reason: 'meets every requirement',
          requestedGrant: 20_000_000,
          approvedGrant: 20_000_000,
          funding: completePlanFunding,
          decidedAt: T.decided,
          decidedBy: programOfficer.sub,
        },
      });
    });

    it('recomputes the funding with a reduced grant (own funds cover the difference): a lower national share', () => {
      given(historyOf(story.reviewed()), { budget: ampleBudget() })
        .when(command.adopt(16_000_000))
        .then([
          adopted({
            approvedGrant: 16_000_000,
            funding: {
              ...completePlanFunding,
              grant: 16_000_000,
              // 30,000,000 / 16,000,000 = 1.875, truncated.
              loanMultiple: '1.87',
              cap: 35_000_000,
              nationalShare: 12_000_000,
              specialTaxShare: 2_000_000,
              municipalShare: 2_000_000,
            },
          }),
        ]);
    });

    it('truncates the national share to the thousand yen and the special tax share to the yen', () => {
      given(historyOf(story.reviewed()), { budget: ampleBudget() })
        .when(command.adopt(15_555_555))
        .then([
          adopted({
            approvedGrant: 15_555_555,
            funding: {
              ...completePlanFunding,
              grant: 15_555_555,
              loanMultiple: '1.92',
              cap: 35_000_000,
              // ¾ × 15,555,555 = 11,666,666.25 → 11,666,000
              nationalShare: 11_666_000,
              // (15,555,555 − 11,666,000) / 2 = 1,944,777.5 → 1,944,777
              specialTaxShare: 1_944_777,
              municipalShare: 1_944_778,
            },
          }),
        ]);
    });

    it('counts a strict majority: two of three reviews judging a requirement met suffice', () => {
      const threeReviews = [
        ...story.submitted(),
        command.assign(reviewerA.sub),
        command.assign(reviewerB.sub),
        command.assign(reviewerC.sub),
        command.declare(reviewerA, false),
        command.declare(reviewerB, false),
        command.declare(reviewerC, false),
        command.review(reviewerA),
        command.review(reviewerB),
        command.review(reviewerC, modelCaseNotMet),
      ];
      given(historyOf(threeReviews), { budget: ampleBudget() })
        .when(command.adopt())
        .then([adopted({ reviewsCounted: 3 })]);
    });

    it('adopts a local-track application on its four requirements, with no national share to fit in the budget', () => {
      const { model_case: _modelCase, ...localAssessments } = allMet();
      given(historyOf(story.reviewed(localPlan, localAssessments)), { budget: initialBudgetState(2025) })
        .when(command.adopt())
        .then([adopted({ funding: localPlanFunding })]);
    });

    it('decides with the rule set recorded at submission, and says it was provisional', () => {
      const inFy2026 = [
        command.create(completePlan, '2026-04-01T09:00:00+09:00'),
        command.submit('2026-04-05T09:00:00+09:00'),
        ...story.reviewed().slice(2),
      ];
      const fy2026Budget = { ...initialBudgetState(2026), nationalBudget: 100_000_000 };
      given(historyOf(inFy2026, {}), { budget: fy2026Budget })
        .when(command.adopt())
        .then([adopted({ fiscalYear: 2026, provisional: true })]);
    });
  });

  describe('rejected', () => {
    it('rejects with a reason, whatever the reviews', () => {
      const state = given(historyOf(story.underReview()))
        .when(command.reject())
        .then([
          {
            type: 'ApplicationRejected',
            data: {
              applicationId: APPLICATION_ID,
              reason: 'no model character',
              reviewCycle: 1,
              decidedAt: T.decided,
              decidedBy: programOfficer.sub,
            },
          },
        ]);
      expect(state).toMatchObject({
        status: 'rejected',
        decision: {
          outcome: 'rejected',
          reason: 'no model character',
          decidedAt: T.decided,
          decidedBy: programOfficer.sub,
        },
      });
    });
  });

  describe('refuses', () => {
    it('adoption with fewer reviews than the rule set’s minimum', () => {
      const oneReview = [
        ...story.underReview(),
        command.declare(reviewerA, false),
        command.review(reviewerA),
      ];
      given(historyOf(oneReview), { budget: ampleBudget() })
        .when(command.adopt())
        .thenRejectsWith({
          code: 'no_quorum',
          violations: [
            {
              rule: 'minimum_reviews',
              field: 'reviews',
              message: 'adoption needs 2 reviews from reviewers without a conflict, there are 1',
              figures: { reviews: 1, minimumReviewers: 2 },
            },
          ],
        });
    });

    it('adoption without a majority on every requirement, naming each requirement short of one', () => {
      const split = [
        ...story.submitted(),
        command.assign(reviewerA.sub),
        command.assign(reviewerB.sub),
        command.declare(reviewerA, false),
        command.declare(reviewerB, false),
        command.review(reviewerA),
        command.review(reviewerB, modelCaseNotMet),
      ];
      given(historyOf(split), { budget: ampleBudget() })
        .when(command.adopt())
        .thenRejectsWith({
          code: 'no_majority',
          violations: [
            {
              rule: 'majority_on_every_requirement',
              field: 'assessments.model_case',
              message: 'model_case is judged met by 1 of 2 reviews, not a majority',
              figures: { met: 1, reviews: 2 },
            },
          ],
        });
    });

    it('adoption on reviews of an earlier cycle: a resubmission starts counting afresh', () => {
      const reviewedThenResubmitted = [
        ...story.reviewed(),
        command.requestRevision(),
        command.resubmit(),
        command.assign(reviewerA.sub),
      ];
      const error = given(historyOf(reviewedThenResubmitted), { budget: ampleBudget() })
        .when(command.adopt())
        .thenRejects('no_quorum');
      expect(error.violations?.map((violation) => violation.rule)).toEqual([
        'minimum_reviews',
        ...Array(5).fill('majority_on_every_requirement'),
      ]);
    });

    it('adoption whose national share exceeds the fiscal year’s remaining budget, naming `budget`', () => {
      given(historyOf(story.reviewed()), { budget: budgetOfFy2025(40_000_000, true, { other: 30_000_000 }) })
        .when(command.adopt())
        .thenRejectsWith({
          code: 'budget_exceeded',
          violations: [
            {
              rule: 'budget',
              field: 'nationalShare',
              message: 'the national share 15000000 yen exceeds the 10000000 yen left of the FY2025 budget',
              figures: {
                nationalShare: 15_000_000,
                remaining: 10_000_000,
                nationalBudget: 40_000_000,
                committed: 30_000_000,
              },
            },
          ],
        });
    });

    it('adoption over the budget names the largest grant that fits: adopted at it, refused a yen above', () => {
      const context = { budget: budgetOfFy2025(40_000_000, true, { other: 30_000_000 }) };
      const refusal = given(historyOf(story.reviewed()), context)
        .when(command.adopt())
        .thenRejects('budget_exceeded');
      const largest = refusal.violations?.[0].figures?.largestGrantWithinBudget;
      if (typeof largest !== 'number') throw new Error('no largestGrantWithinBudget among the figures');
      // The national share is 3/4 of the grant, truncated to the thousand yen: 10,000,000 left.
      expect(largest).toBe(13_334_666);
      const [event] = given(historyOf(story.reviewed()), context).when(command.adopt(largest)).thenAccepts();
      expect(event).toMatchObject({ type: 'ApplicationAdopted', data: { approvedGrant: largest } });
      given(historyOf(story.reviewed()), context)
        .when(command.adopt(largest + 1))
        .thenRejects('budget_exceeded');
    });

    it('adoption with no budget left names no grant to adopt instead', () => {
      const refusal = given(historyOf(story.reviewed()), {})
        .when(command.adopt())
        .thenRejects('budget_exceeded');
      expect(refusal.violations?.[0].figures).not.toHaveProperty('largestGrantWithinBudget');
    });

    it('adoption before any budget is set (a missing budget stream is a budget of 0)', () => {
      given(historyOf(story.reviewed()), {}).when(command.adopt()).thenRejects('budget_exceeded');
    });

    it('lists every reason at once, under the code of the first', () => {
      const oneSplitReview = [
        ...story.underReview(),
        command.declare(reviewerA, false),
        command.review(reviewerA, modelCaseNotMet),
      ];
      const error = given(historyOf(oneSplitReview), {}).when(command.adopt()).thenRejects('no_quorum');
      expect(error.violations?.map((violation) => violation.rule)).toEqual([
        'minimum_reviews',
        'majority_on_every_requirement',
        'budget',
      ]);
    });

    it('approving more than was requested', () => {
      given(historyOf(story.reviewed()), { budget: ampleBudget() })
        .when(command.adopt(20_000_001))
        .thenRejectsWith({
          code: 'approved_grant_exceeds_request',
          violations: [
            {
              rule: 'approved_grant_within_request',
              field: 'approvedGrant',
              message: 'the approved grant 20000001 yen exceeds the 20000000 yen requested',
              figures: { approvedGrant: 20_000_001, requestedGrant: 20_000_000 },
            },
          ],
        });
    });

    it('an approved grant of zero or less, or not whole yen', () => {
      given(historyOf(story.reviewed()), { budget: ampleBudget() })
        .when(command.adopt(0))
        .thenRejects('approved_grant_not_positive');
      given(historyOf(story.reviewed()), { budget: ampleBudget() })
        .when(command.adopt(-5))
        .thenRejects('approved_grant_not_positive');
      given(historyOf(story.reviewed()), { budget: ampleBudget() })
        .when(command.adopt(1_000_000.5))
        .thenRejects('invalid_command');
    });

    it('an approved grant with a rejection', () => {
      const reject = command.reject();
      given(historyOf(story.reviewed()))
        .when({ ...reject, data: { ...reject.data, approvedGrant: 10_000_000 } })
        .thenRejects('invalid_command');
    });

    it('another fiscal year’s budget as context', () => {
      given(historyOf(story.reviewed()), { budget: initialBudgetState(2024) })
        .when(command.adopt())
        .thenRejects('invalid_command');
    });

    it('a decision without a reason', () => {
      const adopt = command.adopt();
      given(historyOf(story.reviewed()), { budget: ampleBudget() })
        .when({ ...adopt, data: { ...adopt.data, reason: '' } })
        .thenRejects('invalid_command');
    });

    it.each([
      ['draft', story.draft()],
      ['submitted', story.submitted()],
      ['revision_requested', story.revisionRequested()],
      ['adopted', story.adopted()],
      ['rejected', story.rejected()],
      ['withdrawn', story.withdrawn()],
    ])('deciding while %s', (_status, commands) => {
      given(historyOf(commands), { budget: ampleBudget() })
        .when(command.adopt())
        .thenRejects('invalid_state');
      given(historyOf(commands)).when(command.reject()).thenRejects('invalid_state');
    });

    it('a role other than the programme officer', () => {
      given(historyOf(story.reviewed()), { budget: ampleBudget() })
        .when(command.adopt(undefined, T.decided, townOfficer))
        .thenRejects('forbidden');
      given(historyOf(story.reviewed())).when(command.reject(T.decided, reviewerA)).thenRejects('forbidden');
    });
  });
});
