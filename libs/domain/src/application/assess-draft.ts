import type { Checked } from '../decision';
import type { ApplicationPlan } from '../plan/application-plan';
import { evaluatePlan, intakeClosed, ruleSetUnavailable } from '../plan/evaluate-plan';
import { fundingFiguresOf } from '../plan/funding-figures';
import type { PlanAssessment } from '../plan/plan-assessment';
import { submissionTarget } from '../plan/submission-target';
import { guardRules } from '../rules-errors';
import { budgetOf, type ApplicationContext } from './context';

/**
 * A draft is never refused for breaking a rule: every problem submission would have
 * (completeness, funding violations and warnings, closed intake) becomes a warning.
 * Only malformed figures (a fractional yen, an FSI that is no decimal) are refused.
 */
export const assessDraft = (
  plan: ApplicationPlan,
  municipalityCode: string,
  at: string,
  context: ApplicationContext,
): Checked<PlanAssessment> =>
  guardRules(() => {
    const target = submissionTarget(at);
    const { completeness, ruleSet, provisional, calculation } = evaluatePlan(
      plan,
      municipalityCode,
      target,
      context,
    );
    const budget = budgetOf(context, target.fiscalYear);
    const warnings = [
      ...completeness,
      ...(ruleSet === undefined ? [ruleSetUnavailable(target.fiscalYear)] : []),
      ...(calculation?.violations ?? []),
      ...(calculation?.warnings ?? []),
      ...(budget !== undefined && !budget.intakeOpen ? [intakeClosed(target)] : []),
    ];
    return {
      ok: true,
      value: {
        round: target.round,
        fiscalYear: target.fiscalYear,
        ...(ruleSet !== undefined ? { ruleSetId: ruleSet.id, provisional: provisional ?? false } : {}),
        ...(calculation !== undefined ? { funding: fundingFiguresOf(calculation) } : {}),
        warnings,
      },
    };
  });
