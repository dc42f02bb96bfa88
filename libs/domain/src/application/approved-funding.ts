import { calculateFunding, type FundingCalculation, type RuleSet, fresh } from '@l10k/rules';
import type { Checked } from '../decision';
import { domainError } from '../errors';
import type { ApplicationPlan } from '../plan/application-plan';
import { toFundingPlan } from '../plan/to-funding-plan';

/**
 * The funding recomputed with the approved grant, under the rule set and `provisional`
 * flag recorded at submission. A reduction is borne by the business's own funds
 * (S grows by what G loses), so G + L + S still equals the total investment; the loan
 * and the costs stay as planned. Lowering G only lowers the national share.
 * `municipalityCode` is the owner's, as at submission (a prefecture keeps the base rate).
 */
export const approvedFunding = (
  plan: ApplicationPlan,
  fiscalYear: number,
  ruleSet: RuleSet,
  provisional: boolean,
  approvedGrant: number,
  municipalityCode?: string,
): Checked<FundingCalculation> => {
  const fundingPlan = toFundingPlan(plan, fiscalYear, municipalityCode);
  if (fundingPlan === undefined) {
    return { ok: false, error: domainError('invalid_state', 'the submitted plan lacks its funding figures') };
  }
  const { grant, ownFunds } = fundingPlan.funding;
  const approvedPlan = {
    ...fresh,
    ...fundingPlan,
    funding: {
      ...fresh,
      ...fundingPlan.funding,
      grant: approvedGrant,
      ownFunds: ownFunds + (grant - approvedGrant),
    },
  };
  return { ok: true, value: calculateFunding(approvedPlan, ruleSet, { provisional }) };
};
