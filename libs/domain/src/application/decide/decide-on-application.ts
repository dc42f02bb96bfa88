import { fresh } from '@l10k/rules';
import { accept, refuse, type Decision } from '../../decision';
import { budgetViolation } from '../../budget/budget-violation';
import { domainError, type DomainErrorCode, type Violation } from '../../errors';
import { fundingFiguresOf } from '../../plan/funding-figures';
import { guardRules } from '../../rules-errors';
import { approvedFunding } from '../approved-funding';
import type { DecideApplication } from '../commands';
import { budgetOf, type ApplicationContext } from '../context';
import type { ApplicationAdopted, ApplicationRejected } from '../events';
import { countedReviews, reviewVerdictViolations } from '../review-verdict';
import type { ApplicationState, UnderReviewApplication } from '../state';
import { reviewRequirementsOf, submittedRuleSet } from '../submitted-rule-set';
import { invalidState, locate, requireText } from './guards';
import { largestGrantWithinBudget } from './largest-grant-within-budget';

/** The refusal code is the first broken rule's; `violations` lists every one. */
const CODE_OF_RULE: Readonly<Partial<Record<Violation['rule'], DomainErrorCode>>> = {
  minimum_reviews: 'no_quorum',
  majority_on_every_requirement: 'no_majority',
  budget: 'budget_exceeded',
};

const refuseAdoption = (violations: readonly Violation[]) =>
  domainError(
    CODE_OF_RULE[violations[0].rule] ?? 'rule_violations',
    'the application cannot be adopted',
    violations,
  );

/**
 * An adoption over the budget also says the largest grant the officer could adopt instead
 * (figure `largestGrantWithinBudget`), when any fits: the refusal is put in yen of the
 * national share, the officer's field is the grant.
 */
const withLargestGrantWithinBudget = (
  overBudget: Violation | undefined,
  refusedGrant: number,
  shareOf: (grant: number) => number | undefined,
): Violation | undefined => {
  const remaining = overBudget?.figures?.remaining;
  // Nothing left: a grant of a few yen whose share truncates to 0 is no answer.
  if (overBudget === undefined || typeof remaining !== 'number' || remaining <= 0) return overBudget;
  const largest = largestGrantWithinBudget(refusedGrant, remaining, shareOf);
  return largest === undefined
    ? overBudget
    : {
        ...fresh,
        ...overBudget,
        figures: { ...fresh, ...overBudget.figures, largestGrantWithinBudget: largest },
      };
};

const adopt = (
  command: DecideApplication,
  application: UnderReviewApplication,
  context: ApplicationContext,
): Decision<ApplicationAdopted> => {
  const { data, metadata } = command;
  const requestedGrant = application.funding.grant;
  const approvedGrant = data.approvedGrant ?? requestedGrant;
  if (!Number.isSafeInteger(approvedGrant)) {
    return refuse(domainError('invalid_command', 'approvedGrant must be whole yen'));
  }
  if (approvedGrant <= 0) {
    return refuse(
      domainError('approved_grant_not_positive', 'the approved grant must be positive', [
        {
          rule: 'approved_grant_positive',
          field: 'approvedGrant',
          message: `the approved grant must be above 0 yen, got ${approvedGrant}`,
          figures: { approvedGrant },
        },
      ]),
    );
  }
  if (approvedGrant > requestedGrant) {
    return refuse(
      domainError('approved_grant_exceeds_request', 'the approved grant exceeds the requested grant', [
        {
          rule: 'approved_grant_within_request',
          field: 'approvedGrant',
          message: `the approved grant ${approvedGrant} yen exceeds the ${requestedGrant} yen requested`,
          figures: { approvedGrant, requestedGrant },
        },
      ]),
    );
  }
  const budget = budgetOf(context, application.fiscalYear);
  if (budget === undefined) {
    return refuse(
      domainError(
        'invalid_command',
        `the context holds another fiscal year's budget than FY${application.fiscalYear}`,
      ),
    );
  }
  const ruleSet = submittedRuleSet(application.ruleSetId);
  if (!ruleSet.ok) return refuse(ruleSet.error);
  // The adoption's figures at a grant: at the one approved, and at lower ones when over the budget.
  const fundingAt = (grant: number) =>
    guardRules(() =>
      approvedFunding(
        application.plan,
        application.fiscalYear,
        ruleSet.value,
        application.provisional,
        grant,
        application.municipalityCode,
      ),
    );
  const calculation = fundingAt(approvedGrant);
  if (!calculation.ok) return refuse(calculation.error);
  const funding = fundingFiguresOf(calculation.value);
  const overBudget = withLargestGrantWithinBudget(
    budgetViolation(funding.nationalShare, budget),
    approvedGrant,
    (grant) => {
      const lower = fundingAt(grant);
      return lower.ok ? fundingFiguresOf(lower.value).nationalShare : undefined;
    },
  );

  const violations = [
    ...reviewVerdictViolations(
      application.reviews,
      application.reviewers,
      reviewRequirementsOf(ruleSet.value, application.funding),
      ruleSet.value.minimumReviewers,
    ),
    ...calculation.value.violations,
    ...(overBudget ? [overBudget] : []),
  ];
  if (violations.length > 0) return refuse(refuseAdoption(violations));

  return accept({
    type: 'ApplicationAdopted',
    data: {
      applicationId: application.id,
      fiscalYear: application.fiscalYear,
      reason: data.reason,
      requestedGrant,
      approvedGrant,
      ruleSetId: application.ruleSetId,
      provisional: application.provisional,
      funding,
      reviewCycle: application.reviewCycle,
      reviewsCounted: countedReviews(application.reviews, application.reviewers).length,
      decidedAt: metadata.at,
      decidedBy: metadata.actor.sub,
    },
  });
};

/**
 * 採択 / 不採択 with a written reason. Adoption reads the fiscal year's budget from the
 * context; the app layer appends it together with the budget's commitment, see
 * adoption/decide-adoption.ts.
 */
export const decideOnApplication = (
  command: DecideApplication,
  state: ApplicationState,
  context: ApplicationContext = {},
): Decision<ApplicationAdopted | ApplicationRejected> => {
  const { data, metadata } = command;
  const located = locate(state, metadata, 'program_officer');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  if (application.status !== 'under_review') return refuse(invalidState(application, 'under_review'));
  const noReason = requireText('reason', data.reason);
  if (noReason) return refuse(noReason);
  if (data.outcome === 'adopted') return adopt(command, application, context);
  if (data.approvedGrant !== undefined) {
    return refuse(domainError('invalid_command', 'an approved grant only goes with an adoption'));
  }
  return accept({
    type: 'ApplicationRejected',
    data: {
      applicationId: application.id,
      reason: data.reason,
      reviewCycle: application.reviewCycle,
      decidedAt: metadata.at,
      decidedBy: metadata.actor.sub,
    },
  });
};
