import { ratioAtLeast, truncatedDecimal } from './fraction';
import { CapBand } from './rule-set';

/**
 * Rule 2: the cap band of a financing multiple m = L / G, compared exactly (2·L ≥ 3·G,
 * not L / G ≥ 1.5). With no grant there is no multiple to limit it: the highest band.
 */
export function capBandFor(loan: bigint, grant: bigint, bands: readonly CapBand[]): CapBand {
  if (grant <= 0n) return bands[bands.length - 1];
  let chosen = bands[0];
  for (const band of bands) {
    if (ratioAtLeast(loan, grant, band.multipleAtLeast)) chosen = band;
  }
  return chosen;
}

/** L / G as a string truncated to 2 decimals ("1.49" for 29,999,999 / 20,000,000); null without a positive grant. */
export function loanMultipleOf(loan: bigint, grant: bigint): string | null {
  return grant > 0n ? truncatedDecimal(loan, grant, 2) : null;
}
