import type { RuleCode } from '@l10k/rules';

/**
 * Rules the decider checks beyond the funding calculator's: review quorum and majority,
 * the fiscal year's budget, the approved grant, the completeness of a review.
 */
export const DECISION_RULE_CODES = [
  'minimum_reviews',
  'majority_on_every_requirement',
  'budget',
  'approved_grant_within_request',
  'approved_grant_positive',
  'assessment_complete',
  'assessment_applicable',
  'rule_set_available',
  'grant_within_approved',
  'grant_within_application',
  'decided_grant_not_increased',
  'confirmation_lower_than_computed',
  'payment_within_confirmed_share',
  'document_reference_valid',
  'track_matches',
  'document_attached',
  'local_requirement_met',
  'confirmation_not_in_future',
] as const;
export type DecisionRule = (typeof DECISION_RULE_CODES)[number];

/** One broken rule, named so a client can point at the field (API.md `errors[]`). */
export interface Violation {
  readonly rule: RuleCode | DecisionRule;
  readonly field: string;
  readonly message: string;
  readonly figures?: Readonly<Record<string, number | string>>;
}

/**
 * Every refusal code, with the status class the API is meant to map it to. The API
 * owns the mapping to HTTP statuses; this table only says which kind each code is.
 */
export const DOMAIN_ERROR_STATUS = {
  not_found: 'not_found',
  forbidden: 'forbidden',
  not_assigned: 'forbidden',
  separation_of_duties: 'forbidden',
  conflict_declared: 'forbidden',
  already_exists: 'conflict',
  invalid_state: 'conflict',
  already_assigned: 'conflict',
  conflict_not_declared: 'conflict',
  conflict_already_declared: 'conflict',
  already_reviewed: 'conflict',
  already_committed: 'conflict',
  invalid_command: 'unprocessable',
  rule_violations: 'unprocessable',
  rule_set_unavailable: 'unprocessable',
  no_quorum: 'unprocessable',
  no_majority: 'unprocessable',
  budget_exceeded: 'unprocessable',
  budget_below_committed: 'unprocessable',
  approved_grant_exceeds_request: 'unprocessable',
  approved_grant_not_positive: 'unprocessable',
  grant_exceeds_approved: 'unprocessable',
  grant_exceeds_application: 'unprocessable',
  decided_grant_increased: 'unprocessable',
  confirmation_not_lower: 'unprocessable',
  payment_exceeds_confirmed: 'unprocessable',
  no_pending_change: 'conflict',
  not_committed: 'conflict',
  wrong_track: 'conflict',
} as const satisfies Record<string, StatusClass>;

export type StatusClass = 'conflict' | 'unprocessable' | 'forbidden' | 'not_found';
export type DomainErrorCode = keyof typeof DOMAIN_ERROR_STATUS;
export const DOMAIN_ERROR_CODES = Object.keys(DOMAIN_ERROR_STATUS) as readonly DomainErrorCode[];

export interface DomainError {
  readonly code: DomainErrorCode;
  readonly message: string;
  /** Every rule the command broke, not only the first (422 `errors[]`). */
  readonly violations?: readonly Violation[];
}

export const domainError = (
  code: DomainErrorCode,
  message: string,
  violations?: readonly Violation[],
): DomainError => (violations === undefined ? { code, message } : { code, message, violations });
