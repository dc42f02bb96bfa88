import type { BudgetEvent } from './events';
import { evolveBudget, evolveBudgetWith, foldBudget } from './evolve';
import { initialBudgetState } from './state';

const at = { bookedAt: '2025-09-01T10:00:00+09:00', bookedBy: 'po-mic' };
const committed = (applicationId: string, amount: number): BudgetEvent => ({
  type: 'NationalShareCommitted',
  data: { fiscalYear: 2025, applicationId, amount, committedAt: at.bookedAt, committedBy: at.bookedBy },
});

const year: BudgetEvent[] = [
  {
    type: 'FiscalYearBudgetSet',
    data: {
      fiscalYear: 2025,
      nationalBudget: 100_000_000,
      intakeOpen: true,
      setAt: at.bookedAt,
      setBy: 'po',
    },
  },
  committed('a', 15_000_000),
  committed('b', 10_000_000),
  {
    type: 'NationalShareDecided',
    data: { fiscalYear: 2025, applicationId: 'a', decided: 12_000_000, released: 3_000_000, ...at },
  },
  {
    type: 'NationalShareConfirmed',
    data: {
      fiscalYear: 2025,
      applicationId: 'a',
      confirmed: 11_000_000,
      previouslyConfirmed: 0,
      released: 1_000_000,
      refundDue: 0,
      ...at,
    },
  },
  {
    type: 'NationalShareReleased',
    data: { fiscalYear: 2025, applicationId: 'b', released: 10_000_000, reason: 'abandonment', ...at },
  },
  {
    type: 'NationalSharePaid',
    data: { fiscalYear: 2025, applicationId: 'a', amount: 11_000_000, paidOn: '2026-04-30', ...at },
  },
];

describe('folding the fiscal year’s budget', () => {
  it('gives what applying the events one at a time gives', () => {
    const stepByStep = year.reduce(evolveBudget, initialBudgetState(2025));
    expect(foldBudget(year, 2025)).toEqual(stepByStep);
    expect(stepByStep).toMatchObject({
      nationalBudget: 100_000_000,
      committed: 11_000_000,
      commitments: { a: 11_000_000, b: 0 },
      decided: 12_000_000,
      confirmed: 11_000_000,
      confirmations: { a: 11_000_000 },
      released: 14_000_000,
      paid: 11_000_000,
    });
  });

  it('leaves the state it carries on from as it was', () => {
    const kept = foldBudget(year.slice(0, 3), 2025);
    const before = structuredClone(kept);
    evolveBudgetWith(kept, year.slice(3));
    expect(kept).toEqual(before);
  });

  it('carries a state on with no events as that same state', () => {
    const kept = foldBudget(year, 2025);
    expect(evolveBudgetWith(kept, [])).toBe(kept);
  });

  it('stays linear in the year’s commitments (20,000 adoptions fold in well under a second)', () => {
    const adoptions = Array.from({ length: 20_000 }, (_, index) => committed(`app-${index}`, 1_000));
    const started = performance.now();
    const folded = foldBudget(adoptions, 2025);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(folded.committed).toBe(20_000_000);
    expect(Object.keys(folded.commitments)).toHaveLength(20_000);
  });
});
