/**
 * The largest whole-yen grant below `refused` whose national share fits `remaining`, or
 * undefined when not even 1 yen does. The national share never falls as the grant grows (one
 * rate, rounded down), so halving the interval finds it in about 25 computations, each the
 * adoption's own (`shareOf`), and only on the way to a refusal.
 */
export function largestGrantWithinBudget(
  refused: number,
  remaining: number,
  shareOf: (grant: number) => number | undefined,
): number | undefined {
  let fits = 0;
  let over = refused;
  while (over - fits > 1) {
    const middle = fits + Math.floor((over - fits) / 2);
    const share = shareOf(middle);
    if (share === undefined) return undefined;
    if (share <= remaining) fits = middle;
    else over = middle;
  }
  return fits >= 1 ? fits : undefined;
}
