import { compareFractions, fraction, multiplyTruncated, parseDecimal, truncatedDecimal } from './fraction';
import { InvalidDecimalError } from './rules-errors';

describe('exact fractions', () => {
  describe('parseDecimal reads a decimal string exactly', () => {
    it.each`
      text           | numerator    | denominator
      ${'0.21'}      | ${21}        | ${100}
      ${'0.25'}      | ${25}        | ${100}
      ${'0.5'}       | ${5}         | ${10}
      ${'1'}         | ${1}         | ${1}
      ${'2.103'}     | ${2103}      | ${1000}
      ${'0.1234567'} | ${1_234_567} | ${10_000_000}
    `('"$text" → $numerator/$denominator', ({ text, numerator, denominator }) => {
      expect(parseDecimal(text)).toEqual({ numerator, denominator });
    });

    it.each(['0,21', '-0.5', '+0.5', '1e-3', '0x10', 'NaN', '', '.5', '5.', ' 0.5', '0.5 ', '0.1234567890'])(
      'refuses %j',
      (text) => {
        expect(() => parseDecimal(text, 'municipality.fiscalStrengthIndex')).toThrow(InvalidDecimalError);
      },
    );
  });

  it.each`
    a                   | b                    | order
    ${fraction(1, 4)}   | ${fraction(25, 100)} | ${0}
    ${fraction(2, 3)}   | ${fraction(3, 4)}    | ${-1}
    ${fraction(10, 10)} | ${fraction(9, 10)}   | ${1}
  `('compares $a.numerator/$a.denominator with $b.numerator/$b.denominator → $order', ({ a, b, order }) => {
    expect(compareFractions(a, b)).toBe(order);
  });

  it.each`
    amount         | rate              | unit    | expected
    ${10_000_001n} | ${fraction(2, 3)} | ${1000} | ${6_666_000n}
    ${3_334_001n}  | ${fraction(1, 2)} | ${1}    | ${1_667_000n}
    ${999n}        | ${fraction(1, 1)} | ${1000} | ${0n}
  `(
    '$amount × $rate.numerator/$rate.denominator truncated to $unit → $expected',
    ({ amount, rate, unit, expected }) => {
      expect(multiplyTruncated(amount, rate, unit)).toBe(expected);
    },
  );

  it.each`
    numerator      | denominator    | text
    ${29_999_999n} | ${20_000_000n} | ${'1.49'}
    ${30_000_000n} | ${20_000_000n} | ${'1.50'}
    ${1n}          | ${3n}          | ${'0.33'}
    ${2n}          | ${3n}          | ${'0.66'}
    ${0n}          | ${5n}          | ${'0.00'}
    ${-1n}         | ${3n}          | ${'-0.33'}
    ${-1n}         | ${300n}        | ${'0.00'}
  `('$numerator / $denominator to 2 decimals, truncated → "$text"', ({ numerator, denominator, text }) => {
    expect(truncatedDecimal(numerator, denominator, 2)).toBe(text);
  });

  it('refuses a fraction with a zero or negative denominator, or a non-integer part', () => {
    expect(() => fraction(1, 0)).toThrow(RangeError);
    expect(() => fraction(1, -2)).toThrow(RangeError);
    expect(() => fraction(0.5, 1)).toThrow(RangeError);
  });
});
