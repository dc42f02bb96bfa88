import { addMonths, daysBetween, parseCalendarDate } from './calendar-date';
import { InvalidDateError } from './rules-errors';

describe('calendar dates', () => {
  describe('daysBetween counts whole days from A to B', () => {
    it.each`
      dateA           | dateB           | days
      ${'2025-06-10'} | ${'2025-06-10'} | ${0}
      ${'2025-06-10'} | ${'2025-07-22'} | ${42}
      ${'2025-07-22'} | ${'2025-06-10'} | ${-42}
      ${'2024-02-28'} | ${'2024-03-01'} | ${2}
      ${'2025-02-28'} | ${'2025-03-01'} | ${1}
      ${'2025-03-31'} | ${'2026-03-31'} | ${365}
      ${'2023-04-01'} | ${'2024-04-01'} | ${366}
    `('$dateA → $dateB: $days', ({ dateA, dateB, days }) => {
      expect(daysBetween(dateA, dateB)).toBe(days);
    });

    it.each(['2025-02-29', '2025-13-01', '2025-04-31', '2025-6-1', '20250601', '2025-06-01T00:00:00Z'])(
      'refuses %j with invalid_date',
      (date) => {
        expect(() => daysBetween(date, '2025-06-01')).toThrow(InvalidDateError);
      },
    );
  });

  describe('addMonths keeps the day, clamped to the end of a shorter month', () => {
    it.each`
      date            | months | expected
      ${'2024-04-01'} | ${24}  | ${{ year: 2026, month: 4, day: 1 }}
      ${'2024-01-31'} | ${1}   | ${{ year: 2024, month: 2, day: 29 }}
      ${'2025-01-31'} | ${1}   | ${{ year: 2025, month: 2, day: 28 }}
      ${'2025-11-30'} | ${3}   | ${{ year: 2026, month: 2, day: 28 }}
      ${'2025-12-15'} | ${12}  | ${{ year: 2026, month: 12, day: 15 }}
    `(
      '$date + $months months → $expected.year-$expected.month-$expected.day',
      ({ date, months, expected }) => {
        expect(addMonths(parseCalendarDate(date), months)).toEqual(expected);
      },
    );
  });
});
