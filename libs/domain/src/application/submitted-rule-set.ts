import { findRuleSet, type ReviewRequirement, type RuleSet } from '@l10k/rules';
import type { Checked } from '../decision';
import { domainError } from '../errors';
import type { FundingFigures } from '../plan/funding-figures';

/** Review and decision go by the rule set recorded at submission, never today's. */
export const submittedRuleSet = (ruleSetId: string): Checked<RuleSet> => {
  const ruleSet = findRuleSet(ruleSetId);
  return ruleSet === undefined
    ? { ok: false, error: domainError('rule_set_unavailable', `rule set ${ruleSetId} is not known`) }
    : { ok: true, value: ruleSet };
};

/** The requirements reviewers judge on the application's track (the local track has no model_case). */
export const reviewRequirementsOf = (
  ruleSet: RuleSet,
  funding: FundingFigures,
): readonly ReviewRequirement[] =>
  (ruleSet.tracks[funding.track] ?? ruleSet.tracks.national).reviewRequirements;
