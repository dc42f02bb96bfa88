import { applyTrack } from './applied-track';
import { assessCosts } from './cost-assessment';
import { FundingPlan } from './plan';
import { planFigures, toYen } from './plan-figures';
import { RuleSet, TrackRules } from './rule-set';

function min(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => (b < a ? b : a));
}

/** The largest whole G with L / G ≥ p / q, that is G ≤ L·q / p (for p > 0 and L ≥ 0). */
function largestGrantForMultiple(loan: bigint, numerator: number, denominator: number): bigint {
  return (loan * BigInt(denominator)) / BigInt(numerator);
}

/**
 * The largest grant G in whole yen that passes rules 1–3 for this track, holding the
 * loan and the costs fixed; 0 if none does.
 *
 * Rule 2's cap depends on G itself through m = L / G, so each cap band is searched on
 * its own: band i holds the G with t_i ≤ L / G < t_(i+1), i.e. L / t_(i+1) < G ≤ L / t_i,
 * and there G ≤ cap_i, G ≤ L (rule 1) and 2·G ≤ eligible cost (rule 3). The answer is
 * the best band's highest G.
 */
export function maxGrant(plan: FundingPlan, ruleSet: RuleSet): number {
  const { track, rules } = applyTrack(plan, ruleSet);
  const { loan, costAmounts } = planFigures(plan);
  const { eligibleCost } = assessCosts(plan.costs, costAmounts, rules, track);
  return toYen(largestPassingGrant(loan, eligibleCost, rules), 'maxGrant');
}

export function largestPassingGrant(loan: bigint, eligibleCost: bigint, rules: TrackRules): bigint {
  const bands = rules.capBands;
  let best = 0n;
  bands.forEach((band, index) => {
    const upperLimits = [BigInt(band.cap), eligibleCost / 2n];
    if (rules.loanAtLeastGrant) upperLimits.push(loan);
    const { numerator, denominator } = band.multipleAtLeast;
    if (numerator > 0) {
      if (loan < 0n) return;
      upperLimits.push(largestGrantForMultiple(loan, numerator, denominator));
    }
    const next = bands[index + 1];
    const lowest =
      next && next.multipleAtLeast.numerator > 0 && loan >= 0n
        ? largestGrantForMultiple(loan, next.multipleAtLeast.numerator, next.multipleAtLeast.denominator) + 1n
        : 1n;
    const highest = min(upperLimits);
    if (highest >= lowest && highest > best) best = highest;
  });
  return best;
}
