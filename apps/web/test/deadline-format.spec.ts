import { formatDateTimeSeconds, formatDeadline, formatDeadlineInList } from '../src/format/dates';

// The intake closes at 23:59:59.999 on the 10th, Japan time: 14:59:59.999 UTC the same day.
const JUNE_DEADLINE = '2025-06-10T14:59:59.999Z';

describe('a round’s deadline, in words', () => {
  it('gives the Japanese era, the weekday, the minute and the Western date, in Japan time', () => {
    expect(formatDeadline(JUNE_DEADLINE)).toBe('令和7年6月10日(火) 23:59（2025年6月10日）');
  });

  it('does not say 締切 again: its label already does', () => {
    expect(formatDeadline(JUNE_DEADLINE)).not.toContain('締切');
  });

  it('in a list, leaves the Western date to the round label above it', () => {
    expect(formatDeadlineInList(JUNE_DEADLINE)).toBe('令和7年6月10日(火) 23:59');
  });

  it('reads the instant in Japan time: 15:00 UTC is already the next day there', () => {
    expect(formatDeadlineInList('2025-06-09T15:00:00.000Z')).toBe('令和7年6月10日(火) 00:00');
  });
});

describe('when something came in, as proof against the deadline', () => {
  it('gives the second, in Japan time: 23:59:41 on the 10th, seconds before the deadline', () => {
    expect(formatDateTimeSeconds(new Date('2025-06-10T14:59:41.000Z'))).toBe('2025/06/10 23:59:41');
  });

  it('never rounds the last millisecond before the deadline into the next day', () => {
    expect(formatDateTimeSeconds(new Date(JUNE_DEADLINE))).toBe('2025/06/10 23:59:59');
  });

  it('reads the instant in Japan time: 15:00 UTC is already the 11th there, past the deadline', () => {
    expect(formatDateTimeSeconds(new Date('2025-06-10T15:00:00.000Z'))).toBe('2025/06/11 00:00:00');
  });
});
