import {
  allMet,
  ampleBudget,
  APPLICATION_ID,
  command,
  completePlan,
  completePlanFunding,
  historyOf,
  programOfficer,
  reviewerA,
  reviewerB,
  reviewerC,
  story,
  T,
  TOWN,
} from '../../test/fixtures';
import { evolveApplication, foldApplication } from './evolve';

const RESUBMITTED_DECISION = '2025-09-01T10:00:00+09:00';

/** Issue 4's walk: revision request, resubmission, two reviews (a third recused), adoption with a reduced grant. */
const fullStory = () => [
  ...story.underReview(),
  command.requestRevision(),
  command.resubmit(),
  command.assign(reviewerA.sub),
  command.assign(reviewerB.sub),
  command.assign(reviewerC.sub),
  command.declare(reviewerA, false),
  command.declare(reviewerB, false),
  command.declare(reviewerC, true, 'my firm advises the lender'),
  command.review(reviewerA),
  command.review(reviewerB),
  command.adopt(16_000_000, RESUBMITTED_DECISION),
];

describe('foldApplication', () => {
  it('starts with no application', () => {
    expect(foldApplication([])).toEqual({ status: 'none' });
  });

  it('folds a whole life into what views need', () => {
    expect(foldApplication(historyOf(fullStory(), { budget: ampleBudget() }))).toEqual({
      status: 'adopted',
      id: APPLICATION_ID,
      municipalityCode: TOWN,
      plan: completePlan,
      createdAt: T.created,
      assessment: {
        round: '2025-06',
        fiscalYear: 2025,
        ruleSetId: 'FY2025-v1',
        provisional: false,
        funding: completePlanFunding,
        warnings: [],
      },
      round: '2025-08',
      fiscalYear: 2025,
      deadline: '2025-08-10T23:59:59.999+09:00',
      decisionDueDate: '2025-09-21',
      documents: [],
      ruleSetId: 'FY2025-v1',
      provisional: false,
      funding: completePlanFunding,
      warnings: [],
      submittedAt: T.resubmitted,
      reviewCycle: 2,
      reviewers: [
        {
          reviewerId: reviewerA.sub,
          assignedAt: T.assigned,
          conflictDeclaration: { hasConflict: false, declaredAt: T.declared },
          recused: false,
        },
        {
          reviewerId: reviewerB.sub,
          assignedAt: T.assigned,
          conflictDeclaration: { hasConflict: false, declaredAt: T.declared },
          recused: false,
        },
        {
          reviewerId: reviewerC.sub,
          assignedAt: T.assigned,
          conflictDeclaration: {
            hasConflict: true,
            detail: 'my firm advises the lender',
            declaredAt: T.declared,
          },
          recused: true,
        },
      ],
      reviews: [reviewerA, reviewerB].map((reviewer) => ({
        reviewerId: reviewer.sub,
        assessments: allMet(),
        recommendation: 'adopt',
        comment: 'a sound plan',
        submittedAt: T.reviewed,
      })),
      decision: {
        outcome: 'adopted',
        reason: 'meets every requirement',
        requestedGrant: 20_000_000,
        approvedGrant: 16_000_000,
        funding: {
          ...completePlanFunding,
          grant: 16_000_000,
          loanMultiple: '1.87',
          nationalShare: 12_000_000,
          specialTaxShare: 2_000_000,
          municipalShare: 2_000_000,
        },
        decidedAt: RESUBMITTED_DECISION,
        decidedBy: programOfficer.sub,
      },
      // Adoption opens the grant's own life: applied for within 30 days, the share committed.
      award: {
        grantApplicationDueDate: '2025-10-01',
        commitment: 12_000_000,
        changes: [],
        payments: [],
        paid: 0,
        refundDue: 0,
      },
    });
  });

  it('leaves the state as it is for an event that cannot apply to it (events are facts; decide never makes one)', () => {
    const draft = foldApplication(historyOf(story.draft()));
    const [, , assigned] = historyOf(story.underReview());
    expect(evolveApplication(draft, assigned)).toBe(draft);
    expect(evolveApplication({ status: 'none' }, assigned)).toEqual({ status: 'none' });
  });
});
