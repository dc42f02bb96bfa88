import { REVIEW_REQUIREMENTS, type ReviewRequirement } from '@l10k/rules';
import { accept, refuse, type Decision } from '../../decision';
import { domainError, type Violation } from '../../errors';
import type { SubmitReview } from '../commands';
import type { ReviewSubmitted } from '../events';
import type { Assessments } from '../review';
import type { ApplicationState } from '../state';
import { reviewRequirementsOf, submittedRuleSet } from '../submitted-rule-set';
import { invalidState, locate } from './guards';

/** Every requirement of the track judged, and nothing the track does not ask. */
const assessmentViolations = (
  assessments: Assessments,
  required: readonly ReviewRequirement[],
): Violation[] => [
  ...required
    .filter((requirement) => typeof assessments[requirement]?.met !== 'boolean')
    .map((requirement): Violation => ({
      rule: 'assessment_complete',
      field: `assessments.${requirement}`,
      message: `${requirement} must be judged met or not met`,
    })),
  ...REVIEW_REQUIREMENTS.filter(
    (requirement) => !required.includes(requirement) && requirement in assessments,
  ).map((requirement): Violation => ({
    rule: 'assessment_applicable',
    field: `assessments.${requirement}`,
    message: `${requirement} is not a requirement on this application's track`,
  })),
];

/** Only an assigned reviewer who declared no conflict reviews, once per cycle. */
export const submitReview = (command: SubmitReview, state: ApplicationState): Decision<ReviewSubmitted> => {
  const { data, metadata } = command;
  const reviewerId = metadata.actor.sub;
  const located = locate(state, metadata, 'reviewer');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  // Not being assigned answers first: whoever may not see the application learns nothing of its status.
  const assignment = application.reviewers.find((reviewer) => reviewer.reviewerId === reviewerId);
  if (assignment === undefined) {
    return refuse(domainError('not_assigned', `${reviewerId} is not assigned to this application`));
  }
  if (application.status !== 'under_review') return refuse(invalidState(application, 'under_review'));
  if (assignment.conflictDeclaration === undefined) {
    return refuse(
      domainError('conflict_not_declared', 'declare whether you have a conflict of interest first'),
    );
  }
  if (assignment.recused) {
    return refuse(
      domainError('conflict_declared', `${reviewerId} declared a conflict of interest and is recused`),
    );
  }
  if (application.reviews.some((review) => review.reviewerId === reviewerId)) {
    return refuse(domainError('already_reviewed', `${reviewerId} has reviewed in this review cycle already`));
  }
  const ruleSet = submittedRuleSet(application.ruleSetId);
  if (!ruleSet.ok) return refuse(ruleSet.error);
  const violations = assessmentViolations(
    data.assessments,
    reviewRequirementsOf(ruleSet.value, application.funding),
  );
  if (violations.length > 0) {
    return refuse(
      domainError('rule_violations', 'the review does not judge the requirements of this track', violations),
    );
  }
  return accept({
    type: 'ReviewSubmitted',
    data: {
      applicationId: application.id,
      reviewerId,
      reviewCycle: application.reviewCycle,
      assessments: data.assessments,
      recommendation: data.recommendation,
      comment: data.comment,
      submittedAt: metadata.at,
    },
  });
};
