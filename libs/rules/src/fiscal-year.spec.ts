import { fiscalYearOfDate } from './fiscal-year';
import { InvalidDateError } from './rules-errors';

describe('fiscalYearOfDate: 1 April – 31 March, named by the year it starts in', () => {
  it.each`
    date            | fiscalYear
    ${'2025-04-01'} | ${2025}
    ${'2025-12-31'} | ${2025}
    ${'2026-01-01'} | ${2025}
    ${'2026-03-31'} | ${2025}
    ${'2026-04-01'} | ${2026}
  `('$date → FY$fiscalYear', ({ date, fiscalYear }) => {
    expect(fiscalYearOfDate(date)).toBe(fiscalYear);
  });

  it('refuses a date that does not exist', () => {
    expect(() => fiscalYearOfDate('2026-02-30')).toThrow(InvalidDateError);
  });
});
