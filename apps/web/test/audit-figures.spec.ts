import { fromTokyoLocalInput, toTokyoLocalInput } from '../src/screens/audit/japan-time';
import { running, shareOfBudget, yearTotal } from '../src/screens/audit/statistics-figures';

describe('The audit screens’ instants, read and written in Japan time', () => {
  it('shows an instant in the date-and-time field as the clock in Tokyo reads it', () => {
    expect(toTokyoLocalInput('2025-06-20T02:00:05.123Z')).toBe('2025-06-20T11:00:05');
    expect(toTokyoLocalInput('2025-06-30T15:00:00Z')).toBe('2025-07-01T00:00:00');
  });

  it('asks for the state as of the end of the second the field shows, with the Japan offset', () => {
    expect(fromTokyoLocalInput('2025-06-20T11:00:05')).toBe('2025-06-20T11:00:05.999+09:00');
    // The browser's value for 11:00:00 shown in the field: never the whole minute up to 11:00:59.
    expect(fromTokyoLocalInput('2025-06-20T11:00')).toBe('2025-06-20T11:00:00.999+09:00');
    expect(fromTokyoLocalInput('')).toBeUndefined();
    expect(fromTokyoLocalInput('2025/06/20 11:00')).toBeUndefined();
  });
});

describe('The statistics’ derived figures', () => {
  it('states a share of the budget to one decimal, and nothing against a budget not set', () => {
    expect(shareOfBudget(15_000_000, 100_000_000)).toBe('15.0%');
    expect(shareOfBudget(1, 3)).toBe('33.3%');
    expect(shareOfBudget(2, 3)).toBe('66.7%');
    expect(shareOfBudget(100_000_000, 100_000_000)).toBe('100.0%');
    expect(shareOfBudget(15_000_000, 0)).toBe('—');
  });

  it('totals one figure of the year’s rounds, and a year without rounds to nothing', () => {
    const rounds = [{ adopted: 2 }, { adopted: 0 }, { adopted: 5 }];
    expect(yearTotal(rounds, (round) => round.adopted)).toBe(7);
    expect(yearTotal([], (round: { adopted: number }) => round.adopted)).toBe(0);
  });

  it('adds the national share up round by round', () => {
    expect(running([0, 15_000_000, 0, 7_500_000])).toEqual([0, 15_000_000, 15_000_000, 22_500_000]);
  });
});
