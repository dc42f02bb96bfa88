import { japanDateOf } from './japan-time';

describe('japanDateOf gives the date in Japan (UTC+9, no daylight saving)', () => {
  it.each`
    instant                        | date
    ${'2025-06-10T14:59:59.999Z'}  | ${'2025-06-10'}
    ${'2025-06-10T15:00:00.000Z'}  | ${'2025-06-11'}
    ${'2025-06-11T00:00:00+09:00'} | ${'2025-06-11'}
    ${'2025-12-31T15:00:00Z'}      | ${'2026-01-01'}
    ${'2024-02-28T15:00:00Z'}      | ${'2024-02-29'}
    ${'2025-03-30T17:00:00+01:00'} | ${'2025-03-31'}
    ${'2025-07-01T00:00:00-10:00'} | ${'2025-07-01'}
  `('$instant → $date', ({ instant, date }) => {
    expect(japanDateOf(instant)).toBe(date);
  });

  it('reads a Date by its instant, not the machine’s zone', () => {
    expect(japanDateOf(new Date(Date.UTC(2025, 2, 31, 15)))).toBe('2025-04-01');
  });
});
