import { Fraction, compareFractions, fraction, parseDecimal } from './fraction';
import { MunicipalityProfile, PriorityCategory } from './plan';
import { TrackRules } from './rule-set';
import { fresh } from './fresh-object';

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

/** Added to the basis when a prefecture would have had a higher disadvantaged-area rate. */
export const DISADVANTAGED_AREA_RATES_FOR_MUNICIPALITIES_ONLY =
  'disadvantaged_area_rates_for_municipalities_only';

/**
 * Rule 4: the highest national rate that applies. The fiscal strength index is parsed
 * exactly (a malformed one throws, even outside a disadvantaged area, so bad input never
 * hides behind a flag). The disadvantaged-area rates are for 市町村: a prefecture's
 * disadvantaged band is withheld, and the basis says so when that lowered the rate.
 */
export function subsidyRateFor(
  municipality: MunicipalityProfile,
  honouredCategories: readonly PriorityCategory[],
  rules: TrackRules,
  prefecture: boolean,
): SubsidyRate {
  const fiscalStrength = parseDecimal(municipality.fiscalStrengthIndex, 'municipality.fiscalStrengthIndex');
  const subsidy = rules.nationalSubsidy;
  if (!subsidy) return { ...fresh, ...fraction(0, 1), basis: [NO_NATIONAL_SUBSIDY] };

  const candidates: Candidate[] = [{ rate: subsidy.base, basis: 'base' }];
  let withheld: Candidate | undefined;
  if (municipality.disadvantagedArea) {
    const band = subsidy.disadvantagedArea.find(
      (b) => compareFractions(fiscalStrength, b.fiscalStrengthBelow) < 0,
    );
    if (band && prefecture && !subsidy.disadvantagedAreaForPrefectures) withheld = band;
    else if (band) candidates.push({ rate: band.rate, basis: band.basis });
  }
  for (const category of honouredCategories) {
    const rate = subsidy.priorityCategories[category];
    if (rate) candidates.push({ rate, basis: category });
  }

  const highest = candidates.reduce((best, c) => (compareFractions(c.rate, best.rate) > 0 ? c : best));
  const basis = candidates.filter((c) => compareFractions(c.rate, highest.rate) === 0).map((c) => c.basis);
  if (withheld && compareFractions(withheld.rate, highest.rate) > 0) {
    basis.push(DISADVANTAGED_AREA_RATES_FOR_MUNICIPALITIES_ONLY);
  }
  return { numerator: highest.rate.numerator, denominator: highest.rate.denominator, basis };
}
