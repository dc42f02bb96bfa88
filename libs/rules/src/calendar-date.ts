import { InvalidDateError } from './rules-errors';

/** A date on the calendar, without time or zone: the plan's dates are Japan dates. */
export interface CalendarDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** 'YYYY-MM-DD' → its parts; a date that does not exist (2025-02-29) is refused. */
export function parseCalendarDate(text: string, field?: string): CalendarDate {
  const match = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!match) throw new InvalidDateError(String(text), field);
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    throw new InvalidDateError(text, field);
  return { year, month, day };
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (a pure calendar calculation; no clock involved). */
function dayNumber({ year, month, day }: CalendarDate): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromDayNumber(days: number): CalendarDate {
  const date = new Date(days * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Same day `months` later, clamped to the month's end: 2024-01-31 + 1 month → 2024-02-29. */
export function addMonths({ year, month, day }: CalendarDate, months: number): CalendarDate {
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.trunc(index / 12);
  const targetMonth = (index % 12) + 1;
  return { year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) };
}

/** Negative, 0 or positive as a is before, on or after b. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(a) - dayNumber(b);
}

/** Whole days from dateA to dateB ('YYYY-MM-DD' each): 2025-06-10 → 2025-07-22 is 42; negative if B is earlier. */
export function daysBetween(dateA: string, dateB: string): number {
  return dayNumber(parseCalendarDate(dateB, 'dateB')) - dayNumber(parseCalendarDate(dateA, 'dateA'));
}
