import { CalendarDate, daysInMonth, formatCalendarDate } from './calendar-date';
import { InvalidInstantError } from './rules-errors';

/** Japan Standard Time is UTC+9 all year (no daylight saving). */
export const JAPAN_OFFSET_MS = 9 * 3_600_000;

const ISO_INSTANT =
  /^([1-9]\d{3})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * Milliseconds since the epoch of an instant. A string must carry its offset (`Z` or
 * `+09:00`): without one, JavaScript would read it in the machine's zone. Digits beyond
 * the millisecond are truncated, so 23:59:59.9999 stays before midnight.
 */
export function epochMillisecondsOf(instant: Date | string): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new InvalidInstantError('Invalid Date');
    return ms;
  }
  const match = typeof instant === 'string' ? ISO_INSTANT.exec(instant) : null;
  if (!match) throw new InvalidInstantError(String(instant));
  const [, y, mo, d, h, mi, s = '0', fraction = '', zulu, sign, oh, om] = match;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [
    y,
    mo,
    d,
    h,
    mi,
    s,
    oh ?? '0',
    om ?? '0',
  ].map(Number);
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59;
  if (!valid) throw new InvalidInstantError(instant);
  const millisecond = Number(fraction.padEnd(3, '0').slice(0, 3));
  const offsetMs = zulu ? 0 : (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMs;
}

/** The Japan calendar date an instant falls on. */
export function japanCalendarDateOf(instant: Date | string): CalendarDate {
  const shifted = new Date(epochMillisecondsOf(instant) + JAPAN_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** 'YYYY-MM-DD' of an instant in Japan time: 2025-06-10T15:00:00Z → '2025-06-11'. */
export function japanDateOf(instant: Date | string): string {
  return formatCalendarDate(japanCalendarDateOf(instant));
}
