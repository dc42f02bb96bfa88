/**
 * The stable rule codes of DOMAIN.md; they appear in `violations[].rule` and
 * `warnings[].rule` and in stored events, so a code is never renamed.
 * `plan_complete` and `intake_open` are checked by the domain layer, not the calculator.
 * `track_available`: the fiscal year offers the plan's track, and a prefecture does not ask
 * for the local one.
 */
export const RULE_CODES = [
  'plan_complete',
  'grant_positive',
  'funding_matches_total_cost',
  'loan_at_least_grant',
  'grant_within_cap',
  'grant_within_half_of_eligible_cost',
  'lender_eligible',
  'loan_unsecured',
  'cost_category_eligible',
  'priority_category_available',
  'completion_within_period',
  'intake_open',
  'track_available',
  'outside_financing_present',
  'completion_after_decision',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** One broken rule (a violation) or one thing to look at (a warning). */
export interface RuleIssue {
  readonly rule: RuleCode;
  /** JSON path in the plan: `funding.grant`, `costs[2].category`, `priorityCategories[0]`. */
  readonly field: string;
  /** Plain English, with the figures. */
  readonly message: string;
  readonly figures?: Readonly<Record<string, number | string>>;
}
