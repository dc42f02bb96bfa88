import {
  calculateFunding,
  resolveRuleSet,
  RuleSetUnavailableError,
  type FundingCalculation,
  type ResolvedRuleSet,
  type RuleSet,
} from '@l10k/rules';
import type { Violation } from '../errors';
import type { ApplicationPlan } from './application-plan';
import { checkCompleteness } from './completeness';
import type { SubmissionTarget } from './submission-target';
import { toFundingPlan } from './to-funding-plan';

export interface RuleSetOptions {
  /** The operator's switch for the provisional fallback (DOMAIN.md, rule sets). */
  readonly allowProvisional?: boolean;
}

/** What the rules say about a plan, for a draft's warnings and a submission's refusal alike. */
export interface PlanEvaluation {
  readonly completeness: readonly Violation[];
  /** Absent when the fiscal year has no rule set and the fallback is off. */
  readonly ruleSet?: RuleSet;
  readonly provisional?: boolean;
  /** Absent while the plan lacks a figure the calculator needs, or without a rule set. */
  readonly calculation?: FundingCalculation;
}

const resolve = (fiscalYear: number, options: RuleSetOptions): ResolvedRuleSet | undefined => {
  try {
    return resolveRuleSet(fiscalYear, { allowProvisional: options.allowProvisional });
  } catch (error) {
    if (error instanceof RuleSetUnavailableError) return undefined;
    throw error;
  }
};

/**
 * Throws the rules' errors for malformed figures; callers go through `guardRules`.
 * `municipalityCode` is the application's owner's; the round of `target` gives the
 * decision due date that `completion_after_decision` compares with.
 */
export const evaluatePlan = (
  plan: ApplicationPlan,
  municipalityCode: string,
  target: SubmissionTarget,
  options: RuleSetOptions,
): PlanEvaluation => {
  const completeness = checkCompleteness(plan);
  const resolved = resolve(target.fiscalYear, options);
  if (resolved === undefined) return { completeness };
  const { ruleSet, provisional } = resolved;
  const fundingPlan = toFundingPlan(plan, target.fiscalYear, municipalityCode);
  if (fundingPlan === undefined) return { completeness, ruleSet, provisional };
  return {
    completeness,
    ruleSet,
    provisional,
    calculation: calculateFunding(fundingPlan, ruleSet, { provisional, round: target.round }),
  };
};

export const ruleSetUnavailable = (fiscalYear: number): Violation => ({
  rule: 'rule_set_available',
  field: 'fiscalYear',
  message: `no rule set applies to FY${fiscalYear}`,
  figures: { fiscalYear },
});

export const intakeClosed = (target: SubmissionTarget): Violation => ({
  rule: 'intake_open',
  field: 'round',
  message: `intake for FY${target.fiscalYear} is closed`,
  figures: { round: target.round, fiscalYear: target.fiscalYear },
});
