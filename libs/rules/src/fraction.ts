import { InvalidAmountError, InvalidDecimalError } from './rules-errors';

/** An exact ratio of integers. Rates and thresholds are never floats in a rule. */
export interface Fraction {
  readonly numerator: number;
  /** Always > 0. */
  readonly denominator: number;
}

export function fraction(numerator: number, denominator: number): Fraction {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(
      `A fraction needs integers and a positive denominator, got ${numerator}/${denominator}`,
    );
  }
  return { numerator, denominator };
}

/** The integer as a BigInt, after checking it is a whole, safe number (money is integer yen). */
export function exactInteger(value: number, field: string): bigint {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new InvalidAmountError(field, value);
  return BigInt(value);
}

/** -1, 0 or 1 as a is below, equal to or above b, by cross-multiplication. */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const left = BigInt(a.numerator) * BigInt(b.denominator);
  const right = BigInt(b.numerator) * BigInt(a.denominator);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether the ratio `numerator / denominator` (denominator > 0) is at least `threshold`. */
export function ratioAtLeast(numerator: bigint, denominator: bigint, threshold: Fraction): boolean {
  return numerator * BigInt(threshold.denominator) >= BigInt(threshold.numerator) * denominator;
}

/**
 * `amount × rate`, truncated toward zero to a multiple of `unit` (1 = the yen,
 * 1000 = the thousand yen). One integer division, so no rounding error can creep in.
 */
export function multiplyTruncated(amount: bigint, rate: Fraction, unit = 1): bigint {
  const units = (amount * BigInt(rate.numerator)) / (BigInt(rate.denominator) * BigInt(unit));
  return units * BigInt(unit);
}

/** `numerator / denominator` as a decimal string truncated (toward zero) to `decimals` places: 29999999/20000000 → "1.49". */
export function truncatedDecimal(numerator: bigint, denominator: bigint, decimals: number): string {
  if (denominator === 0n) throw new RangeError('Division by zero');
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const abs = (x: bigint): bigint => (x < 0n ? -x : x);
  const scaled = (abs(numerator) * 10n ** BigInt(decimals)) / abs(denominator);
  const scale = 10n ** BigInt(decimals);
  const whole = (scaled / scale).toString();
  const fractional = (scaled % scale).toString().padStart(decimals, '0');
  const digits = decimals > 0 ? `${whole}.${fractional}` : whole;
  return negative && scaled !== 0n ? `-${digits}` : digits;
}

const PLAIN_DECIMAL = /^(\d{1,6})(?:\.(\d{1,9}))?$/;

/** "0.21" → 21/100, exactly. Only plain non-negative decimals: no sign, exponent or spaces. */
export function parseDecimal(text: string, field?: string): Fraction {
  const match = typeof text === 'string' ? PLAIN_DECIMAL.exec(text) : null;
  if (!match) throw new InvalidDecimalError(String(text), field);
  const [, whole, decimals = ''] = match;
  return fraction(Number(whole + decimals), 10 ** decimals.length);
}
