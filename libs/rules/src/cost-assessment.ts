import { CostItem, Track } from './plan';
import { RuleIssue } from './rule-issue';
import { TrackRules } from './rule-set';
import { formatYen } from './yen';

export interface CostAssessment {
  readonly totalCost: bigint;
  /** Only the categories the track funds; rule 3 halves this. */
  readonly eligibleCost: bigint;
  /** One `cost_category_eligible` warning per excluded item. */
  readonly warnings: readonly RuleIssue[];
}

export function assessCosts(
  costs: readonly CostItem[],
  amounts: readonly bigint[],
  rules: TrackRules,
  track: Track,
): CostAssessment {
  let totalCost = 0n;
  let eligibleCost = 0n;
  const warnings: RuleIssue[] = [];
  costs.forEach((item, index) => {
    const amount = amounts[index];
    totalCost += amount;
    if (rules.eligibleCostCategories.includes(item.category)) {
      eligibleCost += amount;
      return;
    }
    warnings.push({
      rule: 'cost_category_eligible',
      field: `costs[${index}].category`,
      message:
        `The ${item.category} cost of ${formatYen(amount)} is not eligible on the ${track} track ` +
        `(eligible: ${rules.eligibleCostCategories.join(', ')}) and is left out of the eligible cost.`,
      figures: { category: item.category, amount: Number(amount) },
    });
  });
  return { totalCost, eligibleCost, warnings };
}
