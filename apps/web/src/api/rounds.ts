import { api } from './client';
import { keptAnswers } from './kept-answers';

export interface RoundInfo {
  readonly round: string;
  readonly fiscalYear: number;
  readonly deadline: string;
  readonly decisionDueDate: string;
  /** The rules a plan submitted in this round is judged by. */
  readonly ruleSetId: string;
}

/** The intake round a submission at this instant joins (the API applies the 10th-of-the-month rule). */
export async function roundAt(instant: Date): Promise<RoundInfo | undefined> {
  const { data } = await api.GET('/v1/rounds/for-instant', {
    params: { query: { at: instant.toISOString() } },
  });
  return data;
}

export const roundById = keptAnswers(async (round: string): Promise<RoundInfo | undefined> => {
  const { data } = await api.GET('/v1/rounds/{round}', { params: { path: { round } } });
  return data;
});

/** The fiscal year's twelve rounds, April to March: 2025 → 2025-04 … 2026-03. */
export function roundsOfFiscalYear(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = ((index + 3) % 12) + 1;
    return `${index < 9 ? fiscalYear : fiscalYear + 1}-${String(month).padStart(2, '0')}`;
  });
}

/** 2025-06 → 2025年6月締切回 */
export function roundLabel(round: string): string {
  const [year, month] = round.split('-');
  return `${year}年${Number(month)}月締切回`;
}
