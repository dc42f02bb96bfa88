/* The figures the statistics screen derives from the monthly answer: display only, from integer yen. */

/** A share of the budget as a percentage to one decimal, rounded on integer per-mille: 150‰ reads 15.0%. */
export function shareOfBudget(amount: number, budget: number): string {
  if (budget <= 0) return '—';
  const perMille = Math.round((amount * 1000) / budget);
  return `${Math.trunc(perMille / 10)}.${perMille % 10}%`;
}

/** Running totals: the national share committed by the end of each round. */
export function running(values: readonly number[]): number[] {
  let total = 0;
  return values.map((value) => (total += value));
}

/** The year's total of one figure of its rounds (年度計). */
export function yearTotal<Round>(rounds: readonly Round[], pick: (round: Round) => number): number {
  return rounds.reduce((sum, round) => sum + pick(round), 0);
}
