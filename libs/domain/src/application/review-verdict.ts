import type { ReviewRequirement } from '@l10k/rules';
import type { Violation } from '../errors';
import type { Review, ReviewerAssignment } from './state';

/** The reviews that count: those of reviewers not recused. */
export const countedReviews = (
  reviews: readonly Review[],
  reviewers: readonly ReviewerAssignment[],
): readonly Review[] => {
  const recused = new Set(
    reviewers.filter((reviewer) => reviewer.recused).map((reviewer) => reviewer.reviewerId),
  );
  return reviews.filter((review) => !recused.has(review.reviewerId));
};

/**
 * What adoption needs from the current cycle's reviews: at least `minimumReviewers` of
 * them from reviewers not recused, and every requirement judged met by a strict majority
 * (more than half) of those reviews.
 */
export const reviewVerdictViolations = (
  reviews: readonly Review[],
  reviewers: readonly ReviewerAssignment[],
  requirements: readonly ReviewRequirement[],
  minimumReviewers: number,
): Violation[] => {
  const counted = countedReviews(reviews, reviewers);
  const violations: Violation[] = [];
  if (counted.length < minimumReviewers) {
    violations.push({
      rule: 'minimum_reviews',
      field: 'reviews',
      message: `adoption needs ${minimumReviewers} reviews from reviewers without a conflict, there are ${counted.length}`,
      figures: { reviews: counted.length, minimumReviewers },
    });
  }
  for (const requirement of requirements) {
    const met = counted.filter((review) => review.assessments[requirement]?.met === true).length;
    if (2 * met <= counted.length) {
      violations.push({
        rule: 'majority_on_every_requirement',
        field: `assessments.${requirement}`,
        message: `${requirement} is judged met by ${met} of ${counted.length} reviews, not a majority`,
        figures: { met, reviews: counted.length },
      });
    }
  }
  return violations;
};
