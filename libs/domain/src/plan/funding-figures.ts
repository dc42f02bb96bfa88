import type { FundingCalculation } from '@l10k/rules';

/**
 * The calculator's figures as an event records them. The rule set id and `provisional`
 * sit beside them in the event; violations and warnings are recorded separately.
 */
export type FundingFigures = Pick<
  FundingCalculation,
  | 'track'
  | 'totalCost'
  | 'eligibleCost'
  | 'grant'
  | 'loanMultiple'
  | 'cap'
  | 'maxGrant'
  | 'subsidyRate'
  | 'nationalShare'
  | 'specialTaxShare'
  | 'municipalShare'
>;

export const fundingFiguresOf = (calculation: FundingCalculation): FundingFigures => ({
  track: calculation.track,
  totalCost: calculation.totalCost,
  eligibleCost: calculation.eligibleCost,
  grant: calculation.grant,
  loanMultiple: calculation.loanMultiple,
  cap: calculation.cap,
  maxGrant: calculation.maxGrant,
  subsidyRate: calculation.subsidyRate,
  nationalShare: calculation.nationalShare,
  specialTaxShare: calculation.specialTaxShare,
  municipalShare: calculation.municipalShare,
});
