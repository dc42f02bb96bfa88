import { formatYen } from '../../format/money';

/**
 * The plan's rule (DOMAIN.md: grant + loan or equity + own funds equal the total investment),
 * applied to a performance report's actual figures: undefined when they add up. The report is
 * taken as filed (the domain does not refuse it), so the mismatch is said to the municipality
 * that files it and to the officer who determines the amount from it.
 */
export function financingMismatch(totalCost: number, financing: number): string | undefined {
  if (financing === totalCost) return undefined;
  const gap = formatYen(Math.abs(financing - totalCost));
  return (
    `資金の実績の合計（${formatYen(financing)}）が実績の総事業費（${formatYen(totalCost)}）と一致しません` +
    `（資金が${gap}${financing > totalCost ? '多い' : '少ない'}）。` +
    '融資額（又は出資額）、自己資金、事業者に交付した額の合計は、通常は総事業費と一致します。'
  );
}

/** The sum of figures, or undefined while one is missing (a field still being typed is not a mismatch). */
export function sumOfFigures(amounts: readonly (number | undefined)[]): number | undefined {
  let sum = 0;
  for (const amount of amounts) {
    if (amount === undefined) return undefined;
    sum += amount;
  }
  return sum;
}
