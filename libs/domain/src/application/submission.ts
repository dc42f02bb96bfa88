import { describeRound } from '@l10k/rules';
import type { Checked } from '../decision';
import { domainError, type Violation } from '../errors';
import type { ApplicationPlan } from '../plan/application-plan';
import { evaluatePlan, intakeClosed, ruleSetUnavailable } from '../plan/evaluate-plan';
import { fundingFiguresOf, type FundingFigures } from '../plan/funding-figures';
import { submissionTarget } from '../plan/submission-target';
import { guardRules } from '../rules-errors';
import { budgetOf, type ApplicationContext } from './context';

/** What a (re)submission records: the round it joined and the rules and figures it passed. */
export interface Submission {
  readonly round: string;
  readonly fiscalYear: number;
  readonly deadline: string;
  readonly decisionDueDate: string;
  readonly ruleSetId: string;
  readonly provisional: boolean;
  readonly funding: FundingFigures;
  readonly warnings: readonly Violation[];
}

const submissionOf = (
  plan: ApplicationPlan,
  municipalityCode: string,
  at: string,
  context: ApplicationContext,
): Checked<Submission> => {
  const target = submissionTarget(at);
  const budget = budgetOf(context, target.fiscalYear);
  if (budget === undefined) {
    return {
      ok: false,
      error: domainError(
        'invalid_command',
        `the context holds another fiscal year's budget than FY${target.fiscalYear}`,
      ),
    };
  }
  const { completeness, ruleSet, provisional, calculation } = evaluatePlan(
    plan,
    municipalityCode,
    target,
    context,
  );
  if (ruleSet === undefined) {
    const violation = ruleSetUnavailable(target.fiscalYear);
    return { ok: false, error: domainError('rule_set_unavailable', violation.message, [violation]) };
  }
  const violations = [
    ...completeness,
    ...(calculation?.violations ?? []),
    ...(budget.intakeOpen ? [] : [intakeClosed(target)]),
  ];
  if (violations.length > 0 || calculation === undefined) {
    return {
      ok: false,
      error: domainError('rule_violations', 'the plan breaks the programme rules', violations),
    };
  }
  const { deadline, decisionDueDate } = describeRound(target.round, ruleSet);
  return {
    ok: true,
    value: {
      round: target.round,
      fiscalYear: target.fiscalYear,
      deadline,
      decisionDueDate,
      ruleSetId: ruleSet.id,
      provisional: provisional ?? false,
      funding: fundingFiguresOf(calculation),
      warnings: calculation.warnings,
    },
  };
};

/**
 * Submission and resubmission share this: the plan joins the round of the command's
 * instant, and is refused with every violation at once — completeness, every funding
 * rule, closed intake.
 */
export const checkSubmission = (
  plan: ApplicationPlan,
  municipalityCode: string,
  at: string,
  context: ApplicationContext,
): Checked<Submission> => guardRules(() => submissionOf(plan, municipalityCode, at, context));
