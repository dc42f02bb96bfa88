import type { Violation } from '../errors';
import type { FundingFigures } from './funding-figures';

/**
 * What saving a draft records beside the plan: everything submission would refuse or
 * warn about right now, under the rule set of the round the plan would join.
 */
export interface PlanAssessment {
  readonly round: string;
  readonly fiscalYear: number;
  /** Absent when no rule set applies to that fiscal year. */
  readonly ruleSetId?: string;
  readonly provisional?: boolean;
  /** Absent while a figure is missing. */
  readonly funding?: FundingFigures;
  readonly warnings: readonly Violation[];
}
