import { PriorityCategory } from './plan';
import { RuleIssue } from './rule-issue';
import { RuleSet } from './rule-set';

export interface PriorityClaims {
  /** The claimed categories the fiscal year offers, each once. */
  readonly honoured: readonly PriorityCategory[];
  /** One `priority_category_available` warning per claim the year does not offer; such a claim is ignored. */
  readonly warnings: readonly RuleIssue[];
}

export function assessPriorityClaims(claimed: readonly PriorityCategory[], ruleSet: RuleSet): PriorityClaims {
  const honoured: PriorityCategory[] = [];
  const warnings: RuleIssue[] = [];
  claimed.forEach((category, index) => {
    if (!ruleSet.priorityCategories.includes(category)) {
      warnings.push({
        rule: 'priority_category_available',
        field: `priorityCategories[${index}]`,
        message:
          `The priority category ${category} is not offered in fiscal year ${ruleSet.fiscalYear} ` +
          `(offered: ${ruleSet.priorityCategories.join(', ')}); the claim is ignored.`,
        figures: { category, fiscalYear: ruleSet.fiscalYear },
      });
    } else if (!honoured.includes(category)) {
      honoured.push(category);
    }
  });
  return { honoured, warnings };
}
