import { applyTrack, trackAvailabilityIssues } from './applied-track';
import { completionViolations } from './completion-rule';
import { assessCosts } from './cost-assessment';
import { grantViolations, lenderViolations, securedLoanWarnings } from './funding-rules';
import { capBandFor, loanMultipleOf } from './grant-cap';
import { splitGrant } from './grant-split';
import { largestPassingGrant } from './max-grant';
import { FundingPlan, Track } from './plan';
import { planFigures, toYen } from './plan-figures';
import { assessPriorityClaims } from './priority-claims';
import { RuleIssue } from './rule-issue';
import { RuleSet } from './rule-set';
import { SubsidyRate, subsidyRateFor } from './subsidy-rate';

/** The calculator's answer (API.md, "Funding calculator"). Money in integer yen. */
export interface FundingCalculation {
  readonly ruleSetId: string;
  /** The rule set belongs to an earlier fiscal year than the plan's. */
  readonly provisional: boolean;
  readonly track: Track;
  readonly totalCost: number;
  readonly eligibleCost: number;
  readonly grant: number;
  /** L / G truncated to 2 decimals, e.g. "1.49"; null when the grant is not positive. */
  readonly loanMultiple: string | null;
  /** Rule 2's cap for this loan multiple. */
  readonly cap: number;
  /** The largest grant passing rules 1–3 with this loan and these costs. */
  readonly maxGrant: number;
  readonly subsidyRate: SubsidyRate;
  readonly nationalShare: number;
  readonly specialTaxShare: number;
  readonly municipalShare: number;
  readonly violations: readonly RuleIssue[];
  readonly warnings: readonly RuleIssue[];
}

export interface CalculateFundingOptions {
  /** Set when `ruleSet` was borrowed from an earlier year (see `resolveRuleSet`). */
  readonly provisional?: boolean;
}

/**
 * Every figure of a plan under a rule set, with every broken rule named. It answers for
 * any plan, violations or not; only malformed input (a fractional yen, an FSI that is
 * not a decimal, a date that does not exist) throws a `RulesError`.
 */
export function calculateFunding(
  plan: FundingPlan,
  ruleSet: RuleSet,
  options: CalculateFundingOptions = {},
): FundingCalculation {
  const applied = applyTrack(plan, ruleSet);
  const { rules, track } = applied;
  const { grant, loan, ownFunds, costAmounts } = planFigures(plan);
  const costs = assessCosts(plan.costs, costAmounts, rules, track);
  const claims = assessPriorityClaims(plan.priorityCategories, ruleSet);
  const subsidyRate = subsidyRateFor(plan.municipality, claims.honoured, rules);
  const split = splitGrant(grant, subsidyRate, rules.specialTaxRate, ruleSet.rounding);

  const violations = [
    ...trackAvailabilityIssues(applied, ruleSet),
    ...grantViolations(
      { grant, loan, ownFunds, totalCost: costs.totalCost, eligibleCost: costs.eligibleCost },
      rules,
    ),
    ...lenderViolations(plan.funding.loan, rules, track),
    ...completionViolations(plan.schedule, plan.fiscalYear, ruleSet),
  ];
  const warnings = [...securedLoanWarnings(plan.funding.loan, rules), ...costs.warnings, ...claims.warnings];

  return {
    ruleSetId: ruleSet.id,
    provisional: options.provisional ?? false,
    track,
    totalCost: toYen(costs.totalCost, 'totalCost'),
    eligibleCost: toYen(costs.eligibleCost, 'eligibleCost'),
    grant: toYen(grant, 'grant'),
    loanMultiple: loanMultipleOf(loan, grant),
    cap: capBandFor(loan, grant, rules.capBands).cap,
    maxGrant: toYen(largestPassingGrant(loan, costs.eligibleCost, rules), 'maxGrant'),
    subsidyRate,
    nationalShare: toYen(split.nationalShare, 'nationalShare'),
    specialTaxShare: toYen(split.specialTaxShare, 'specialTaxShare'),
    municipalShare: toYen(split.municipalShare, 'municipalShare'),
    violations,
    warnings,
  };
}
