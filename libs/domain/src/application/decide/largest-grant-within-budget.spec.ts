import { largestGrantWithinBudget } from './largest-grant-within-budget';

/** Three quarters of the grant, rounded down to the yen, as a national share often is. */
const threeQuarters = (grant: number) => Math.floor((grant * 3) / 4);

describe('the largest grant within what the budget has left', () => {
  it('is the last whole yen whose share fits, one yen more does not', () => {
    const largest = largestGrantWithinBudget(20_000_000, 8_000_000, threeQuarters);
    expect(largest).toBe(10_666_667);
    expect(threeQuarters(largest!)).toBeLessThanOrEqual(8_000_000);
    expect(threeQuarters(largest! + 1)).toBeGreaterThan(8_000_000);
  });

  it('is below the refused grant even when the share of every lower one fits', () => {
    expect(largestGrantWithinBudget(1_000, 1_000_000, () => 0)).toBe(999);
  });

  it('is none when not even one yen fits, or when a share cannot be computed', () => {
    expect(largestGrantWithinBudget(20_000_000, 0, (grant) => grant)).toBeUndefined();
    expect(largestGrantWithinBudget(20_000_000, 8_000_000, () => undefined)).toBeUndefined();
  });
});
