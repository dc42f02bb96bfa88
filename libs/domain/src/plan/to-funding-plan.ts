import type { CostItem, FundingPlan, Schedule } from '@l10k/rules';
import type { ApplicationPlan } from './application-plan';
import { fresh } from '@l10k/rules';

const completeCost = (cost: Partial<CostItem>): cost is CostItem =>
  cost.category !== undefined && cost.amount !== undefined;

/**
 * The plan as the funding rules read it, or `undefined` while a figure the calculator
 * needs is missing. A complete plan always converts; a draft converts as soon as its
 * figures are in, so its funding warnings show before the prose is written.
 * `municipalityCode` is the application's owner's (never the plan's): it tells the rules
 * whether a prefecture applies (base rate, no local track).
 */
export const toFundingPlan = (
  plan: ApplicationPlan,
  fiscalYear: number,
  municipalityCode?: string,
): FundingPlan | undefined => {
  const { municipality, costs, funding } = plan;
  const loan = funding?.loan;
  if (municipality?.disadvantagedArea === undefined || municipality.fiscalStrengthIndex === undefined)
    return undefined;
  if (costs === undefined || costs.length === 0 || !costs.every(completeCost)) return undefined;
  if (funding?.grant === undefined || funding.ownFunds === undefined) return undefined;
  if (loan?.amount === undefined || loan.lenderType === undefined) return undefined;

  const schedule: Schedule | undefined =
    plan.schedule?.start !== undefined && plan.schedule.completion !== undefined
      ? { ...fresh, ...plan.schedule, start: plan.schedule.start, completion: plan.schedule.completion }
      : undefined;

  return {
    fiscalYear,
    ...(plan.track !== undefined ? { track: plan.track } : {}),
    municipality: {
      ...fresh,
      ...(municipalityCode !== undefined ? { code: municipalityCode } : {}),
      disadvantagedArea: municipality.disadvantagedArea,
      fiscalStrengthIndex: municipality.fiscalStrengthIndex,
    },
    costs,
    funding: {
      grant: funding.grant,
      loan: { ...fresh, ...loan, amount: loan.amount, lenderType: loan.lenderType },
      ownFunds: funding.ownFunds,
    },
    priorityCategories: plan.priorityCategories ?? [],
    ...(schedule !== undefined ? { schedule } : {}),
  };
};
