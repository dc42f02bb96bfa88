import { CalendarDate, parseCalendarDate } from './calendar-date';

/** Japan's fiscal year runs 1 April – 31 March and is named by the year it starts in. */
export const FISCAL_YEAR_FIRST_MONTH = 4;

export function fiscalYearOfMonth(year: number, month: number): number {
  return month >= FISCAL_YEAR_FIRST_MONTH ? year : year - 1;
}

/** '2026-03-31' → 2025; '2026-04-01' → 2026. */
export function fiscalYearOfDate(date: string): number {
  const { year, month } = parseCalendarDate(date, 'date');
  return fiscalYearOfMonth(year, month);
}

/** 31 March closing the fiscal year: FY2025 → 2026-03-31. */
export function lastDayOfFiscalYear(fiscalYear: number): CalendarDate {
  return { year: fiscalYear + 1, month: 3, day: 31 };
}
