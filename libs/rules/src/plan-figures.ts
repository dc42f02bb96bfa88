import { exactInteger } from './fraction';
import { FundingPlan } from './plan';
import { InvalidAmountError } from './rules-errors';

/** The plan's money as exact integers, each checked to be whole yen. */
export interface PlanFigures {
  readonly grant: bigint;
  readonly loan: bigint;
  readonly ownFunds: bigint;
  readonly costAmounts: readonly bigint[];
}

export function planFigures(plan: FundingPlan): PlanFigures {
  return {
    grant: exactInteger(plan.funding.grant, 'funding.grant'),
    loan: exactInteger(plan.funding.loan.amount, 'funding.loan.amount'),
    ownFunds: exactInteger(plan.funding.ownFunds, 'funding.ownFunds'),
    costAmounts: plan.costs.map((item, index) => exactInteger(item.amount, `costs[${index}].amount`)),
  };
}

/** A computed amount back to a number; refused if it left the safe-integer range (e.g. a sum of huge costs). */
export function toYen(value: bigint, field: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new InvalidAmountError(field, value);
  }
  return Number(value);
}
