/*
 * Japan time always, whatever the browser's zone; 和暦 comes from Intl's Japanese calendar
 * (no calendar arithmetic of our own).
 */
const TOKYO = 'Asia/Tokyo';

/** Beside the 和暦, which already gives the weekday. */
const westernDate = new Intl.DateTimeFormat('ja-JP', {
  timeZone: TOKYO,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
const warekiDate = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  timeZone: TOKYO,
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
});

/** The time of day to the minute, 24-hour, in Tokyo; the formats below add the date or the second. */
const TO_THE_MINUTE = { timeZone: TOKYO, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
const NUMERIC_DAY = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;

const clock = new Intl.DateTimeFormat('ja-JP', TO_THE_MINUTE);
const dateTime = new Intl.DateTimeFormat('ja-JP', { ...NUMERIC_DAY, ...TO_THE_MINUTE });
const dateTimeSeconds = new Intl.DateTimeFormat('ja-JP', {
  ...NUMERIC_DAY,
  ...TO_THE_MINUTE,
  second: '2-digit',
});
const clockSeconds = new Intl.DateTimeFormat('ja-JP', { ...TO_THE_MINUTE, second: '2-digit' });

/** A calendar date (YYYY-MM-DD, already Japan time) as the instant of its noon in Tokyo, so no zone shifts its day. */
function calendarDate(date: string): Date {
  return new Date(`${date}T12:00:00+09:00`);
}

/** 令和7年6月10日(火) */
export function formatWareki(instant: Date): string {
  return warekiDate.format(instant);
}

/** 2025年6月10日 */
export function formatWestern(instant: Date): string {
  return westernDate.format(instant);
}

/** 23:59 */
export function formatClock(instant: Date): string {
  return clock.format(instant);
}

/** 23:59:05, for records seconds apart (the audit timeline). */
export function formatClockSeconds(instant: Date): string {
  return clockSeconds.format(instant);
}

/** 2025/06/10 23:59 */
export function formatDateTime(instant: Date): string {
  return dateTime.format(instant);
}

/**
 * 2025/06/10 23:59:41, for what a municipality keeps as proof of when something came in (a
 * submission, a document received): beside a deadline of 23:59, the minute alone would not
 * say whether 23:59 was in time. Seconds are cut, never rounded, so 23:59:59.999 stays on its day.
 */
export function formatDateTimeSeconds(instant: Date): string {
  return dateTimeSeconds.format(instant);
}

/**
 * 令和7年6月10日(火) 23:59（2025年6月10日）, beside its label 締切: the Western year as the
 * decision date beside it has.
 */
export function formatDeadline(deadline: string): string {
  const instant = new Date(deadline);
  return `${formatDeadlineInList(deadline)}（${formatWestern(instant)}）`;
}

/** 令和7年6月10日(火) 23:59, under its round's label (2025年6月締切回), which gives the Western year. */
export function formatDeadlineInList(deadline: string): string {
  const instant = new Date(deadline);
  return `${formatWareki(instant)} ${formatClock(instant)}`;
}

/** A calendar date's two readings: 令和7年7月22日(火) and 2025年7月22日. */
export function calendarDateReadings(date: string): readonly [wareki: string, western: string] {
  const instant = calendarDate(date);
  return [formatWareki(instant), formatWestern(instant)];
}

/** 令和7年7月22日(火)（2025年7月22日） for a calendar date. */
export function formatCalendarDate(date: string): string {
  const [wareki, western] = calendarDateReadings(date);
  return `${wareki}（${western}）`;
}

/** The calendar day in Tokyo of an instant, YYYY-MM-DD. */
export function tokyoDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TOKYO }).format(instant);
}

/** How a due date stands, from the API's days remaining: あと3日, 本日が期限 on the day itself, 2日超過 once past. */
export function daysLeftText(daysRemaining: number): string {
  if (daysRemaining > 0) return `あと${daysRemaining}日`;
  if (daysRemaining === 0) return '本日が期限';
  return `${-daysRemaining}日超過`;
}

/** Whole days from today (Tokyo) to the deadline's day (Tokyo): 0 on the day itself, negative once past. */
export function daysUntil(deadline: string, now: Date): number {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  return Math.round((day(tokyoDay(new Date(deadline))) - day(tokyoDay(now))) / 86_400_000);
}
