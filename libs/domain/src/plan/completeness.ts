import type { Violation } from '../errors';
import type { ApplicationPlan } from './application-plan';

const missing = (field: string): Violation => ({
  rule: 'plan_complete',
  field,
  message: `${field} is required for submission`,
});

const isBlank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/**
 * Every field submission needs and the plan lacks, one `plan_complete` issue each.
 * Optional by design: corporate number (not every business has one), track (defaults to
 * national), priority categories (none claimed), the lender's name and security details.
 */
export const checkCompleteness = (plan: ApplicationPlan): Violation[] => {
  const issues: Violation[] = [];
  if (isBlank(plan.business?.name)) issues.push(missing('business.name'));
  if (isBlank(plan.projectTitle)) issues.push(missing('projectTitle'));
  if (isBlank(plan.summary)) issues.push(missing('summary'));
  if (plan.municipality?.disadvantagedArea === undefined)
    issues.push(missing('municipality.disadvantagedArea'));
  if (isBlank(plan.municipality?.fiscalStrengthIndex))
    issues.push(missing('municipality.fiscalStrengthIndex'));
  if (plan.costs === undefined || plan.costs.length === 0) issues.push(missing('costs'));
  plan.costs?.forEach((cost, index) => {
    if (cost.category === undefined) issues.push(missing(`costs[${index}].category`));
    if (cost.amount === undefined) issues.push(missing(`costs[${index}].amount`));
  });
  if (plan.funding?.grant === undefined) issues.push(missing('funding.grant'));
  if (plan.funding?.loan?.amount === undefined) issues.push(missing('funding.loan.amount'));
  if (plan.funding?.loan?.lenderType === undefined) issues.push(missing('funding.loan.lenderType'));
  if (plan.funding?.ownFunds === undefined) issues.push(missing('funding.ownFunds'));
  if (isBlank(plan.schedule?.start)) issues.push(missing('schedule.start'));
  if (isBlank(plan.schedule?.completion)) issues.push(missing('schedule.completion'));
  return issues;
};
