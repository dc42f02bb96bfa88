import { fy2023 } from './fy2023';
import { fy2024 } from './fy2024';
import { fy2025 } from './fy2025';
import { RuleSet } from './rule-set';
import { RuleSetUnavailableError } from './rules-errors';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every rule set, oldest first. Frozen: an id names its figures forever. */
export const ruleSets: readonly RuleSet[] = deepFreeze([fy2023, fy2024, fy2025]);

export function findRuleSet(id: string): RuleSet | undefined {
  return ruleSets.find((ruleSet) => ruleSet.id === id);
}

export interface ResolvedRuleSet {
  readonly ruleSet: RuleSet;
  /** True when the fiscal year has no rule set of its own and borrows the latest earlier one. */
  readonly provisional: boolean;
}

export interface ResolveRuleSetOptions {
  /** Project decision: an operator may refuse the provisional fallback. Defaults to allowed. */
  readonly allowProvisional?: boolean;
}

/** The rule set for a fiscal year: its own (the latest version), else the latest earlier one, provisionally. */
export function resolveRuleSet(fiscalYear: number, options: ResolveRuleSetOptions = {}): ResolvedRuleSet {
  const { allowProvisional = true } = options;
  if (!Number.isSafeInteger(fiscalYear)) {
    throw new RuleSetUnavailableError(fiscalYear, 'a fiscal year is a whole number such as 2025');
  }
  const own = ruleSets.filter((ruleSet) => ruleSet.fiscalYear === fiscalYear).at(-1);
  if (own) return { ruleSet: own, provisional: false };
  const earlier = ruleSets.filter((ruleSet) => ruleSet.fiscalYear < fiscalYear).at(-1);
  if (!earlier) {
    throw new RuleSetUnavailableError(
      fiscalYear,
      `the earliest rule set is for fiscal year ${ruleSets[0].fiscalYear}`,
    );
  }
  if (!allowProvisional) {
    throw new RuleSetUnavailableError(
      fiscalYear,
      `it has no rule set of its own and the provisional use of ${earlier.id} is turned off`,
    );
  }
  return { ruleSet: earlier, provisional: true };
}
