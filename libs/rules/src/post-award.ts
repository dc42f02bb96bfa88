import {
  addDays,
  addMonths,
  compareCalendarDates,
  formatCalendarDate,
  parseCalendarDate,
} from './calendar-date';
import { fiscalYearOfDate, lastDayOfFiscalYear } from './fiscal-year';
import { exactInteger } from './fraction';
import { japanCalendarDateOf } from './japan-time';
import { applyTrack } from './applied-track';
import { assessCosts } from './cost-assessment';
import { largestPassingGrant } from './max-grant';
import { CostCategory, CostItem, FundingPlan } from './plan';
import { planFigures, toYen } from './plan-figures';
import { PostAwardRules, RuleSet } from './rule-set';

/** 交付申請 is due `grantApplicationDays` after the adoption's day in Japan (YYYY-MM-DD). */
export function grantApplicationDueDate(adoptedAt: string, rules: PostAwardRules): string {
  return formatCalendarDate(addDays(japanCalendarDateOf(adoptedAt), rules.grantApplicationDays));
}

/**
 * 実績報告 is due one month after completion or on 10 April of the next fiscal year,
 * whichever is earlier (both parameters of the rule set).
 */
export function performanceReportDueDate(completion: string, rules: PostAwardRules): string {
  const completed = parseCalendarDate(completion, 'completion');
  const afterCompletion = addMonths(completed, rules.reportDueMonthsAfterCompletion);
  const { month, day } = rules.reportDueInNextFiscalYear;
  const nextFiscalYear = { year: fiscalYearOfDate(completion) + 1, month, day };
  const earlier =
    compareCalendarDates(afterCompletion, nextFiscalYear) <= 0 ? afterCompletion : nextFiscalYear;
  return formatCalendarDate(earlier);
}

/** How one cost category moves between two plans. */
export interface CostCategoryChange {
  readonly category: CostCategory;
  readonly planned: number;
  readonly changed: number;
  /** Moves by more than `minorChangeRatio` of the planned amount (a new category always does). */
  readonly material: boolean;
}

const totalsByCategory = (costs: readonly CostItem[]): Map<CostCategory, bigint> => {
  const totals = new Map<CostCategory, bigint>();
  costs.forEach((item, index) => {
    const amount = exactInteger(item.amount, `costs[${index}].amount`);
    totals.set(item.category, (totals.get(item.category) ?? 0n) + amount);
  });
  return totals;
};

/**
 * Each cost category's move from the planned to the changed plan. A move is material when
 * |changed − planned| · denominator > planned · numerator (more than 20 % by default);
 * exactly 20 % is still minor.
 */
export function costCategoryChanges(
  planned: readonly CostItem[],
  changed: readonly CostItem[],
  rules: PostAwardRules,
): CostCategoryChange[] {
  const before = totalsByCategory(planned);
  const after = totalsByCategory(changed);
  const categories = [...new Set([...before.keys(), ...after.keys()])];
  const { numerator, denominator } = rules.minorChangeRatio;
  return categories.map((category) => {
    const was = before.get(category) ?? 0n;
    const is = after.get(category) ?? 0n;
    const move = is > was ? is - was : was - is;
    return {
      category,
      planned: toYen(was, `costs.${category}`),
      changed: toYen(is, `costs.${category}`),
      material: move * BigInt(denominator) > was * BigInt(numerator),
    };
  });
}

/** Which rule sets the largest grant the actual figures allow. */
export type GrantLimit = 'grant_within_half_of_eligible_cost' | 'loan_at_least_grant' | 'grant_within_cap';

/** The largest grant a plan's figures allow, and the rule that stops it there. */
export function largestGrantWithLimit(
  plan: FundingPlan,
  ruleSet: RuleSet,
): { readonly maxGrant: number; readonly limitedBy: GrantLimit } {
  const { track, rules } = applyTrack(plan, ruleSet);
  const { loan, costAmounts } = planFigures(plan);
  const { eligibleCost } = assessCosts(plan.costs, costAmounts, rules, track);
  const best = largestPassingGrant(loan, eligibleCost, rules);
  const limitedBy: GrantLimit =
    best === eligibleCost / 2n
      ? 'grant_within_half_of_eligible_cost'
      : rules.loanAtLeastGrant && best === loan
        ? 'loan_at_least_grant'
        : 'grant_within_cap';
  return { maxGrant: toYen(best, 'maxGrant'), limitedBy };
}

/** 31 March that ends the fiscal year, as YYYY-MM-DD. */
export const fiscalYearEndDate = (fiscalYear: number): string =>
  formatCalendarDate(lastDayOfFiscalYear(fiscalYear));
