import { findRuleSet } from '@l10k/rules';

/**
 * The quorum an application's reviews are held to: its rule set's minimum number of reviewers,
 * none before it is submitted under one. The summaries' column and the auditor's state as of an
 * instant both say it, from the same rule set.
 */
export const reviewsNeededUnder = (ruleSetId: string | undefined): number | null =>
  ruleSetId === undefined ? null : (findRuleSet(ruleSetId)?.minimumReviewers ?? null);
