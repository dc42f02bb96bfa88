import { api } from './client';

export interface RoundInfo {
  readonly round: string;
  readonly fiscalYear: number;
  readonly deadline: string;
  readonly decisionDueDate: string;
}

const cache = new Map<string, Promise<RoundInfo | undefined>>();

/** The intake round a submission at this instant joins (the API applies the 10th-of-the-month rule). */
export async function roundAt(instant: Date): Promise<RoundInfo | undefined> {
  const { data } = await api.GET('/v1/rounds/for-instant', {
    params: { query: { at: instant.toISOString() } },
  });
  return data;
}

export function roundById(round: string): Promise<RoundInfo | undefined> {
  let found = cache.get(round);
  if (!found) {
    found = api.GET('/v1/rounds/{round}', { params: { path: { round } } }).then(({ data }) => data);
    cache.set(round, found);
  }
  return found;
}

/** 2025-06 → 2025年6月締切回 */
export function roundLabel(round: string): string {
  const [year, month] = round.split('-');
  return `${year}年${Number(month)}月締切回`;
}
