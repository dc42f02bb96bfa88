import { formatManYen, formatYenWithMan, parseYen, yenInputText } from '../src/format/money';

describe('amounts as officers read them, in 万円 and 億円', () => {
  it('reads grants in 万円, keeping a remainder rather than rounding it away', () => {
    expect(formatManYen(25_000_000)).toBe('2,500万円');
    expect(formatManYen(12_345_678)).toBe('1,234万5,678円');
    expect(formatManYen(9_999)).toBe('9,999円');
  });

  it('reads a budget of a billion yen or more in 億円', () => {
    expect(formatManYen(1_000_000_000)).toBe('10億円');
    expect(formatYenWithMan(1_000_000_000)).toBe('1,000,000,000円（10億円）');
    expect(formatManYen(123_456_789_012)).toBe('1,234億5,678万9,012円');
    expect(formatManYen(100_000_123)).toBe('1億123円');
  });

  it('keeps the sign of an amount given back', () => {
    expect(formatManYen(-3_750_000)).toBe('-375万円');
  });

  it('shows an amount in a money input with separators, which reads back as the same yen', () => {
    expect(yenInputText(90_000_000)).toBe('90,000,000');
    expect(parseYen(yenInputText(90_000_000))).toBe(90_000_000);
    expect(yenInputText(0)).toBe('0');
    expect(yenInputText(undefined)).toBe('');
  });
});
