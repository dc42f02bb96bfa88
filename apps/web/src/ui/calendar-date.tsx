import { calendarDateReadings } from '../format/dates';

/**
 * A calendar date as formatCalendarDate words it, 令和8年5月20日(水)（2026年5月20日）, each
 * reading kept on one line: a narrow cell breaks between the two, never inside a date.
 */
export function CalendarDate({ date }: { date: string }) {
  const [wareki, western] = calendarDateReadings(date);
  return (
    <span className="calendar-date">
      <span className="nowrap">{wareki}</span>
      <span className="nowrap">（{western}）</span>
    </span>
  );
}
