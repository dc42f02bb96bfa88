import type { FundingPlan } from '@l10k/rules';
import type { FundingPlanDto } from './funding-plan.dto';
import { fresh } from '@l10k/rules';

/**
 * The validated request as the rules read it. The fiscal strength index leaves as the
 * decimal the client wrote (≤ 2 decimals, so `String` is exact) and is never a float again.
 */
export function toFundingPlan(dto: FundingPlanDto): FundingPlan {
  return {
    fiscalYear: dto.fiscalYear,
    track: dto.track ?? 'national',
    municipality: {
      ...fresh,
      ...(dto.municipality.code !== undefined ? { code: dto.municipality.code } : {}),
      disadvantagedArea: dto.municipality.disadvantagedArea,
      fiscalStrengthIndex: String(dto.municipality.fiscalStrengthIndex),
    },
    costs: dto.costs.map(({ category, amount, description }) => ({ category, amount, description })),
    funding: {
      grant: dto.funding.grant,
      ownFunds: dto.funding.ownFunds,
      loan: { ...dto.funding.loan },
    },
    priorityCategories: dto.priorityCategories ?? [],
    schedule: dto.schedule ? { ...dto.schedule } : undefined,
  };
}
