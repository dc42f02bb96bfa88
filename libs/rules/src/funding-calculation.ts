import { applyTrack, trackAvailabilityIssues } from './applied-track';
import { completionAfterDecisionWarnings } from './completion-after-decision';
import { completionViolations } from './completion-rule';
import { assessCosts } from './cost-assessment';
import {
  grantViolations,
  lenderViolations,
  outsideFinancingViolations,
  securedLoanWarnings,
} from './funding-rules';
import { capBandFor, loanMultipleOf } from './grant-cap';
import { splitGrant } from './grant-split';
import { describeRound } from './intake-round';
import { largestPassingGrant } from './max-grant';
import { FinancingForm, FundingPlan, Track } from './plan';
import { planFigures, toYen } from './plan-figures';
import { isPrefecturePlan } from './plan-municipality';
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
  /** Whether L is a loan or an equity investment (出資); both count alike. */
  readonly financingForm: FinancingForm;
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
  /**
   * The intake round (`2025-06`) the plan joins, when known: its decision due date is
   * compared with the planned completion (`completion_after_decision`).
   */
  readonly round?: string;
}

/**
 * Every figure of a plan under a rule set, with every broken rule named. It answers for
 * any plan, violations or not; only malformed input (a fractional yen, an FSI that is
 * not a decimal, a date that does not exist, a local-government code with a wrong check
 * digit) throws a `RulesError`.
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
  const prefecture = isPrefecturePlan(plan.municipality);
  const subsidyRate = subsidyRateFor(plan.municipality, claims.honoured, rules, prefecture);
  const split = splitGrant(grant, subsidyRate, rules.specialTaxRate, ruleSet.rounding);
  const financing = plan.funding.loan;
  const decisionDueDate =
    options.round !== undefined ? describeRound(options.round, ruleSet).decisionDueDate : undefined;

  const violations = [
    ...trackAvailabilityIssues(applied, ruleSet, plan.municipality.code, prefecture),
    ...grantViolations(
      { grant, loan, ownFunds, totalCost: costs.totalCost, eligibleCost: costs.eligibleCost },
      rules,
      financing.form,
    ),
    ...lenderViolations(financing, rules, track),
    ...outsideFinancingViolations(financing, loan, rules, track),
    ...completionViolations(plan.schedule, plan.fiscalYear, ruleSet),
  ];
  const warnings = [
    ...securedLoanWarnings(financing, rules),
    ...costs.warnings,
    ...claims.warnings,
    ...completionAfterDecisionWarnings(plan.schedule, options.round, decisionDueDate),
  ];

  return {
    ruleSetId: ruleSet.id,
    provisional: options.provisional ?? false,
    track,
    financingForm: financing.form ?? 'loan',
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
