import type { ApplicationPlan, ExistingApplication } from '@l10k/domain';
import { remainingBudget, type BudgetState } from '@l10k/domain';

/** The plan as clients wrote it: the fiscal strength index is a number in JSON, a decimal string inside. */
function planView(plan: ApplicationPlan): unknown {
  const index = plan.municipality?.fiscalStrengthIndex;
  if (index === undefined) return plan;
  return { ...plan, municipality: { ...plan.municipality, fiscalStrengthIndex: Number(index) } };
}

/**
 * An application as every write answers it: the decider's own state and its revision,
 * plus what the municipality should fix before submitting (`warnings`).
 */
export function applicationView(state: ExistingApplication, revision: number): Record<string, unknown> {
  const editable = state.status === 'draft' || state.status === 'revision_requested';
  const warnings = editable ? state.assessment.warnings : 'warnings' in state ? (state.warnings ?? []) : [];
  return {
    ...state,
    revision,
    plan: planView(state.plan),
    warnings,
    reviewsDone: state.reviews.length,
  };
}

export function budgetView(state: BudgetState, revision: number): Record<string, unknown> {
  return {
    fiscalYear: state.fiscalYear,
    nationalBudget: state.nationalBudget,
    committed: state.committed,
    remaining: remainingBudget(state),
    intakeOpen: state.intakeOpen,
    adoptedApplications: Object.keys(state.commitments).length,
    revision,
  };
}
