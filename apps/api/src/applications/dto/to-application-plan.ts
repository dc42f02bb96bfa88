import type { ApplicationPlan } from '@l10k/domain';
import type { ApplicationPlanDto } from './application-plan.dto';
import { fresh } from '@l10k/rules';

/** The validated draft as the domain keeps it; the fiscal strength index becomes an exact decimal string. */
export function toApplicationPlan(dto: ApplicationPlanDto): ApplicationPlan {
  const { municipality, ...rest } = JSON.parse(JSON.stringify(dto)) as ApplicationPlanDto;
  if (!municipality) return rest as ApplicationPlan;
  const { fiscalStrengthIndex, ...profile } = municipality;
  return {
    ...fresh,
    ...(rest as ApplicationPlan),
    municipality:
      fiscalStrengthIndex === undefined
        ? profile
        : { ...fresh, ...profile, fiscalStrengthIndex: String(fiscalStrengthIndex) },
  };
}
