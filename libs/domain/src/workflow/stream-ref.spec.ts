import { historyOf, programOfficer, story } from '../../test/fixtures';
import type { BudgetEvent } from '../budget/events';
import { applicationStream, evolveStream, fiscalYearStream, foldStream } from './stream-ref';

const budgetEvents: BudgetEvent[] = [
  {
    type: 'FiscalYearBudgetSet',
    data: {
      fiscalYear: 2025,
      nationalBudget: 100_000_000,
      intakeOpen: true,
      setAt: '2025-04-01T09:00:00+09:00',
      setBy: programOfficer.sub,
    },
  },
  ...['a', 'b', 'c'].map((id, index): BudgetEvent => ({
    type: 'NationalShareCommitted',
    data: {
      fiscalYear: 2025,
      applicationId: id,
      amount: 1_000_000 * (index + 1),
      committedAt: '2025-07-15T10:00:00+09:00',
      committedBy: programOfficer.sub,
    },
  })),
];

describe('evolveStream: a kept fold carried on with the events after it', () => {
  it.each([1, 2, 3])('equals folding the whole budget stream (kept after %i events)', (kept) => {
    const ref = fiscalYearStream(2025);
    const carried = evolveStream(ref, foldStream(ref, budgetEvents.slice(0, kept)), budgetEvents.slice(kept));
    expect(carried).toEqual(foldStream(ref, budgetEvents));
  });

  it('equals folding the whole application stream', () => {
    const ref = applicationStream('0b6c5a4e-2f51-4c1e-9a43-6d0f3c2b9e71');
    const events = historyOf(story.reviewed());
    const carried = evolveStream(ref, foldStream(ref, events.slice(0, 2)), events.slice(2));
    expect(carried).toEqual(foldStream(ref, events));
  });

  it('leaves the kept state as it was (states are values)', () => {
    const ref = fiscalYearStream(2025);
    const kept = foldStream(ref, budgetEvents.slice(0, 1));
    const before = structuredClone(kept);
    evolveStream(ref, kept, budgetEvents.slice(1));
    expect(kept).toEqual(before);
  });
});
