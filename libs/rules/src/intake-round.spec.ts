import { fy2024 } from './fy2024';
import { fy2025 } from './fy2025';
import {
  describeRound,
  fiscalYearOfRound,
  parseRoundId,
  roundDeadline,
  roundOfInstant,
} from './intake-round';
import { InvalidInstantError, InvalidRoundIdError } from './rules-errors';

describe('the intake calendar (Japan time, UTC+9)', () => {
  describe('roundOfInstant: up to the 10th 23:59:59.999 JST that month’s round, from the 11th the next', () => {
    it.each`
      instant                                | round        | why
      ${'2025-06-10T23:59:59.999+09:00'}     | ${'2025-06'} | ${'the last millisecond of the 10th in JST'}
      ${'2025-06-10T14:59:59.999Z'}          | ${'2025-06'} | ${'the same instant in UTC'}
      ${'2025-06-11T00:00:00.000+09:00'}     | ${'2025-07'} | ${'the first millisecond of the 11th'}
      ${'2025-06-10T15:00:00Z'}              | ${'2025-07'} | ${'the same instant in UTC'}
      ${'2025-06-10T23:59:59.9999999+09:00'} | ${'2025-06'} | ${'sub-millisecond digits are cut, never rounded up into the 11th'}
      ${'2025-06-01T00:00:00+09:00'}         | ${'2025-06'} | ${'the 1st'}
      ${'2025-05-31T15:00:00Z'}              | ${'2025-06'} | ${'UTC still says 31 May; Japan says 1 June'}
      ${'2025-06-10T10:00:00-05:00'}         | ${'2025-07'} | ${'10:00 in New York is 00:00 on the 11th in Tokyo'}
      ${'2025-12-10T23:59:59.999+09:00'}     | ${'2025-12'} | ${'December’s deadline'}
      ${'2025-12-11T00:00:00+09:00'}         | ${'2026-01'} | ${'after it: January of the next year'}
      ${'2025-12-31T23:59+09:00'}            | ${'2026-01'} | ${'minutes without seconds'}
      ${'2026-03-11T09:00:00+09:00'}         | ${'2026-04'} | ${'from 11 March the round belongs to the new fiscal year'}
    `('$instant → $round ($why)', ({ instant, round }) => {
      expect(roundOfInstant(instant)).toBe(round);
    });

    it('takes a Date as well: 2025-06-10T14:59:59.999Z → 2025-06, one millisecond later → 2025-07', () => {
      const lastMillisecond = new Date(Date.UTC(2025, 5, 10, 14, 59, 59, 999));

      expect(roundOfInstant(lastMillisecond)).toBe('2025-06');
      expect(roundOfInstant(new Date(lastMillisecond.getTime() + 1))).toBe('2025-07');
    });

    it.each([
      '2025-06-10T23:59:59',
      '2025-06-10',
      '2025-06-10 23:59:59+09:00',
      '2025-02-29T12:00:00Z',
      '2025-06-10T24:00:00Z',
      'yesterday',
      '',
    ])('refuses %j: an instant needs a valid date, a time and an offset', (instant) => {
      expect(() => roundOfInstant(instant)).toThrow(InvalidInstantError);
      expect(() => roundOfInstant(instant)).toThrow(expect.objectContaining({ code: 'invalid_instant' }));
    });

    it('refuses an invalid Date', () => {
      expect(() => roundOfInstant(new Date(Number.NaN))).toThrow(InvalidInstantError);
    });
  });

  describe('parseRoundId', () => {
    it.each(['2025-06', '2026-01', '2025-12'])('%s is a round id', (text) => {
      expect(parseRoundId(text)).toBe(text);
    });

    it.each(['2025-6', '2025-13', '2025-00', '25-06', '2025-06-10', '2025/06', ' 2025-06', '0999-06', ''])(
      '%j is not → undefined',
      (text) => {
        expect(parseRoundId(text)).toBeUndefined();
      },
    );
  });

  describe('fiscalYearOfRound: January–March rounds belong to the previous fiscal year', () => {
    it.each`
      round        | fiscalYear
      ${'2025-04'} | ${2025}
      ${'2025-12'} | ${2025}
      ${'2026-01'} | ${2025}
      ${'2026-03'} | ${2025}
      ${'2026-04'} | ${2026}
    `('$round → FY$fiscalYear', ({ round, fiscalYear }) => {
      expect(fiscalYearOfRound(round)).toBe(fiscalYear);
    });

    it('refuses a malformed round id with invalid_round_id', () => {
      expect(() => fiscalYearOfRound('2026-13')).toThrow(InvalidRoundIdError);
    });
  });

  it.each`
    round        | deadline
    ${'2025-06'} | ${'2025-06-10T23:59:59.999+09:00'}
    ${'2026-01'} | ${'2026-01-10T23:59:59.999+09:00'}
  `('roundDeadline($round) → $deadline, which itself joins that round', ({ round, deadline }) => {
    expect(roundDeadline(round)).toBe(deadline);
    expect(roundOfInstant(deadline)).toBe(round);
  });

  describe('describeRound: decision due = deadline date + 42 days', () => {
    it.each`
      round        | ruleSet   | fiscalYear | decisionDueDate | byHand
      ${'2025-06'} | ${fy2025} | ${2025}    | ${'2025-07-22'} | ${'10 June + 20 days = 30 June, + 22 = 22 July'}
      ${'2025-12'} | ${fy2025} | ${2025}    | ${'2026-01-21'} | ${'10 Dec + 21 = 31 Dec, + 21 = 21 Jan'}
      ${'2025-02'} | ${fy2024} | ${2024}    | ${'2025-03-24'} | ${'10 Feb + 18 = 28 Feb, + 24 = 24 Mar'}
      ${'2024-02'} | ${fy2024} | ${2023}    | ${'2024-03-23'} | ${'leap year: 10 Feb + 19 = 29 Feb, + 23 = 23 Mar'}
    `(
      '$round → FY$fiscalYear, due $decisionDueDate ($byHand)',
      ({ round, ruleSet, fiscalYear, decisionDueDate }) => {
        expect(describeRound(round, ruleSet)).toEqual({
          round,
          fiscalYear,
          deadline: `${round}-10T23:59:59.999+09:00`,
          decisionDueDate,
        });
      },
    );
  });
});
