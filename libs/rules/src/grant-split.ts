import { Fraction, multiplyTruncated } from './fraction';
import { ShareRounding } from './rule-set';

/** Rule 5: who pays the grant G. */
export interface GrantSplit {
  /** N = G × r, truncated as the rule set says (to the thousand yen). */
  readonly nationalShare: bigint;
  /** T = (G − N) × special-tax rate, truncated (to the yen). */
  readonly specialTaxShare: bigint;
  /** M = G − N − T: the remainder, so N + T + M = G exactly. */
  readonly municipalShare: bigint;
}

export function splitGrant(
  grant: bigint,
  nationalRate: Fraction,
  specialTaxRate: Fraction,
  rounding: ShareRounding,
): GrantSplit {
  const nationalShare = multiplyTruncated(grant, nationalRate, rounding.nationalShare.unit);
  const specialTaxShare = multiplyTruncated(
    grant - nationalShare,
    specialTaxRate,
    rounding.specialTaxShare.unit,
  );
  return { nationalShare, specialTaxShare, municipalShare: grant - nationalShare - specialTaxShare };
}
