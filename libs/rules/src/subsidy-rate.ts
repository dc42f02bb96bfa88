import { Fraction, compareFractions, fraction, parseDecimal } from './fraction';
import { MunicipalityProfile, PriorityCategory } from './plan';
import { TrackRules } from './rule-set';

export interface SubsidyRate extends Fraction {
  /** Every reason that gives the chosen rate, e.g. ['disadvantaged_area_fsi_below_0.25', 'digital']. */
  readonly basis: readonly string[];
}

interface Candidate {
  readonly rate: Fraction;
  readonly basis: string;
}

/** The basis shown on a track where MIC pays nothing (rate 0). */
export const NO_NATIONAL_SUBSIDY = 'no_national_subsidy';

/**
 * Rule 4: the highest national rate that applies. The fiscal strength index is parsed
 * exactly (a malformed one throws, even outside a disadvantaged area, so bad input never
 * hides behind a flag).
 */
export function subsidyRateFor(
  municipality: MunicipalityProfile,
  honouredCategories: readonly PriorityCategory[],
  rules: TrackRules,
): SubsidyRate {
  const fiscalStrength = parseDecimal(municipality.fiscalStrengthIndex, 'municipality.fiscalStrengthIndex');
  const subsidy = rules.nationalSubsidy;
  if (!subsidy) return { ...fraction(0, 1), basis: [NO_NATIONAL_SUBSIDY] };

  const candidates: Candidate[] = [{ rate: subsidy.base, basis: 'base' }];
  if (municipality.disadvantagedArea) {
    const band = subsidy.disadvantagedArea.find(
      (b) => compareFractions(fiscalStrength, b.fiscalStrengthBelow) < 0,
    );
    if (band) candidates.push({ rate: band.rate, basis: band.basis });
  }
  for (const category of honouredCategories) {
    const rate = subsidy.priorityCategories[category];
    if (rate) candidates.push({ rate, basis: category });
  }

  const highest = candidates.reduce((best, c) => (compareFractions(c.rate, best.rate) > 0 ? c : best));
  return {
    numerator: highest.rate.numerator,
    denominator: highest.rate.denominator,
    basis: candidates.filter((c) => compareFractions(c.rate, highest.rate) === 0).map((c) => c.basis),
  };
}
