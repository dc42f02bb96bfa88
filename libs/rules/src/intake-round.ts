import { addDays, formatCalendarDate } from './calendar-date';
import { fiscalYearOfMonth } from './fiscal-year';
import { japanCalendarDateOf } from './japan-time';
import { RuleSet } from './rule-set';
import { InvalidRoundIdError } from './rules-errors';

/** A monthly intake round, 'YYYY-MM', named by the month whose 10th closes it. */
export type RoundId = string;

/** Each round closes on the 10th (毎月10日〆切), inclusive to 23:59:59.999 JST. */
export const ROUND_CLOSING_DAY = 10;

const ROUND_ID = /^([1-9]\d{3})-(0[1-9]|1[0-2])$/;

interface RoundMonth {
  readonly year: number;
  readonly month: number;
}

function formatRound({ year, month }: RoundMonth): RoundId {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The round id if `text` is a well-formed 'YYYY-MM', else undefined. */
export function parseRoundId(text: string): RoundId | undefined {
  return typeof text === 'string' && ROUND_ID.test(text) ? text : undefined;
}

function roundMonth(roundId: string): RoundMonth {
  const match = typeof roundId === 'string' ? ROUND_ID.exec(roundId) : null;
  if (!match) throw new InvalidRoundIdError(String(roundId));
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** The round a submission at this instant joins: up to the 10th that month's, from the 11th the next month's. */
export function roundOfInstant(instant: Date | string): RoundId {
  const { year, month, day } = japanCalendarDateOf(instant);
  if (day <= ROUND_CLOSING_DAY) return formatRound({ year, month });
  return month === 12 ? formatRound({ year: year + 1, month: 1 }) : formatRound({ year, month: month + 1 });
}

/** Rounds of January–March belong to the fiscal year that started the April before. */
export function fiscalYearOfRound(roundId: RoundId): number {
  const { year, month } = roundMonth(roundId);
  return fiscalYearOfMonth(year, month);
}

/** The last instant of the round, with Japan's offset: '2025-06' → '2025-06-10T23:59:59.999+09:00'. */
export function roundDeadline(roundId: RoundId): string {
  const { year, month } = roundMonth(roundId);
  return `${formatCalendarDate({ year, month, day: ROUND_CLOSING_DAY })}T23:59:59.999+09:00`;
}

export interface RoundDescription {
  readonly round: RoundId;
  readonly fiscalYear: number;
  /** ISO-8601 with offset. */
  readonly deadline: string;
  /** YYYY-MM-DD: the deadline's date + the rule set's `decisionLeadDays`. */
  readonly decisionDueDate: string;
}

/** What `GET /v1/rounds/{yyyy-mm}` answers; `ruleSet` is the one of the round's fiscal year. */
export function describeRound(roundId: RoundId, ruleSet: RuleSet): RoundDescription {
  const { year, month } = roundMonth(roundId);
  const deadlineDate = { year, month, day: ROUND_CLOSING_DAY };
  return {
    round: formatRound({ year, month }),
    fiscalYear: fiscalYearOfMonth(year, month),
    deadline: roundDeadline(roundId),
    decisionDueDate: formatCalendarDate(addDays(deadlineDate, ruleSet.decisionLeadDays)),
  };
}
