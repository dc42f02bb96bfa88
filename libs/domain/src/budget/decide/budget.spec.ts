import { programOfficer, townOfficer } from '../../../test/fixtures';
import { specificationFor } from '../../../test/given-when-then';
import type { Actor } from '../../actor';
import type { BudgetEvent } from '../events';
import { evolveBudget, foldBudget } from '../evolve';
import { initialBudgetState, remainingBudget } from '../state';
import { decideBudgetCommand } from '.';

const FY = 2025;
const AT = '2025-04-01T09:00:00+09:00';
const COMMITTED_AT = '2025-07-15T10:00:00+09:00';

const given = specificationFor({
  decide: decideBudgetCommand,
  evolve: evolveBudget,
  initialState: () => initialBudgetState(FY),
});

const setBudget = (
  nationalBudget: number,
  intakeOpen = true,
  actor: Actor = programOfficer,
  fiscalYear = FY,
) =>
  ({
    type: 'SetBudget',
    data: { fiscalYear, nationalBudget, intakeOpen },
    metadata: { at: AT, actor },
  }) as const;

const commit = (applicationId: string, amount: number, actor: Actor = programOfficer, fiscalYear = FY) =>
  ({
    type: 'CommitNationalShare',
    data: { fiscalYear, applicationId, amount },
    metadata: { at: COMMITTED_AT, actor },
  }) as const;

const budgetSet = (nationalBudget: number, intakeOpen = true): BudgetEvent => ({
  type: 'FiscalYearBudgetSet',
  data: { fiscalYear: FY, nationalBudget, intakeOpen, setAt: AT, setBy: programOfficer.sub },
});

const committed = (applicationId: string, amount: number): BudgetEvent => ({
  type: 'NationalShareCommitted',
  data: { fiscalYear: FY, applicationId, amount, committedAt: COMMITTED_AT, committedBy: programOfficer.sub },
});

describe('the fiscal-year budget', () => {
  it('starts open for intake with a budget of 0 before anything is set', () => {
    expect(foldBudget([], FY)).toEqual({
      fiscalYear: FY,
      nationalBudget: 0,
      committed: 0,
      intakeOpen: true,
      commitments: {},
      decided: 0,
      confirmed: 0,
      released: 0,
      paid: 0,
      confirmations: {},
    });
  });

  describe('SetBudget', () => {
    it('sets the national budget and opens intake', () => {
      const state = given([])
        .when(setBudget(100_000_000))
        .then([budgetSet(100_000_000)]);
      expect(state).toEqual({
        fiscalYear: FY,
        nationalBudget: 100_000_000,
        committed: 0,
        intakeOpen: true,
        commitments: {},
        decided: 0,
        confirmed: 0,
        released: 0,
        paid: 0,
        confirmations: {},
      });
    });

    it('closes intake, keeping what is committed', () => {
      const state = given([budgetSet(100_000_000), committed('a', 15_000_000)])
        .when(setBudget(100_000_000, false))
        .then([budgetSet(100_000_000, false)]);
      expect(state).toEqual({
        fiscalYear: FY,
        nationalBudget: 100_000_000,
        committed: 15_000_000,
        intakeOpen: false,
        commitments: { a: 15_000_000 },
        decided: 0,
        confirmed: 0,
        released: 0,
        paid: 0,
        confirmations: {},
      });
    });

    it('may lower the budget to exactly what is committed', () => {
      given([budgetSet(100_000_000), committed('a', 15_000_000)])
        .when(setBudget(15_000_000))
        .then([budgetSet(15_000_000)]);
    });

    it('refuses a budget below what is committed', () => {
      given([budgetSet(100_000_000), committed('a', 15_000_000)])
        .when(setBudget(14_999_999))
        .thenRejectsWith({
          code: 'budget_below_committed',
          violations: [
            {
              rule: 'budget',
              field: 'nationalBudget',
              message: 'the budget cannot be set below the 15000000 yen already committed',
              figures: { nationalBudget: 14_999_999, committed: 15_000_000 },
            },
          ],
        });
    });

    it('refuses a budget that is not whole yen ≥ 0', () => {
      given([]).when(setBudget(-1)).thenRejects('invalid_command');
      given([]).when(setBudget(1.5)).thenRejects('invalid_command');
    });

    it('refuses another fiscal year, and roles other than the programme officer', () => {
      given([])
        .when(setBudget(1, true, programOfficer, 2024))
        .thenRejects('invalid_command');
      given([])
        .when(setBudget(1, true, townOfficer))
        .thenRejects('forbidden');
    });
  });

  describe('CommitNationalShare', () => {
    it('commits an adopted application’s national share', () => {
      const state = given([budgetSet(100_000_000)])
        .when(commit('a', 15_000_000))
        .then([committed('a', 15_000_000)]);
      expect(remainingBudget(state)).toBe(85_000_000);
    });

    it('commits up to exactly the remaining budget, and a zero share (local track)', () => {
      given([budgetSet(30_000_000), committed('a', 15_000_000)])
        .when(commit('b', 15_000_000))
        .then([committed('b', 15_000_000)]);
      given([budgetSet(0)])
        .when(commit('local', 0))
        .then([committed('local', 0)]);
    });

    it('refuses a share beyond the remaining budget, naming `budget`', () => {
      given([budgetSet(30_000_000), committed('a', 15_000_000)])
        .when(commit('b', 15_001_000))
        .thenRejectsWith({
          code: 'budget_exceeded',
          violations: [
            {
              rule: 'budget',
              field: 'nationalShare',
              message: 'the national share 15001000 yen exceeds the 15000000 yen left of the FY2025 budget',
              figures: {
                nationalShare: 15_001_000,
                remaining: 15_000_000,
                nationalBudget: 30_000_000,
                committed: 15_000_000,
              },
            },
          ],
        });
    });

    it('refuses committing the same application twice', () => {
      given([budgetSet(100_000_000), committed('a', 15_000_000)])
        .when(commit('a', 15_000_000))
        .thenRejects('already_committed');
    });

    it('refuses an amount that is not whole yen ≥ 0, another fiscal year, and other roles', () => {
      given([budgetSet(100_000_000)])
        .when(commit('a', -1))
        .thenRejects('invalid_command');
      given([budgetSet(100_000_000)])
        .when(commit('a', 1, programOfficer, 2026))
        .thenRejects('invalid_command');
      given([budgetSet(100_000_000)])
        .when(commit('a', 1, townOfficer))
        .thenRejects('forbidden');
    });
  });
});

describe('the fiscal-year budget after adoption', () => {
  const booked = { bookedAt: '2025-08-20T10:00:00+09:00', bookedBy: 'po-mic' };
  const history = [
    budgetSet(100_000_000),
    committed('a', 15_000_000),
    committed('b', 12_000_000),
    {
      type: 'NationalShareDecided' as const,
      data: { fiscalYear: FY, applicationId: 'a', decided: 13_500_000, released: 1_500_000, ...booked },
    },
    {
      type: 'NationalShareReleased' as const,
      data: {
        fiscalYear: FY,
        applicationId: 'b',
        released: 12_000_000,
        reason: 'abandonment' as const,
        ...booked,
      },
    },
    {
      type: 'NationalShareConfirmed' as const,
      data: {
        fiscalYear: FY,
        applicationId: 'a',
        confirmed: 12_000_000,
        previouslyConfirmed: 0,
        released: 1_500_000,
        refundDue: 0,
        ...booked,
      },
    },
    {
      type: 'NationalSharePaid' as const,
      data: { fiscalYear: FY, applicationId: 'a', amount: 12_000_000, paidOn: '2026-05-20', ...booked },
    },
  ];

  it('keeps committed, decided, confirmed, released and paid, each commitment only shrinking', () => {
    expect(foldBudget(history, FY)).toMatchObject({
      committed: 12_000_000,
      decided: 13_500_000,
      confirmed: 12_000_000,
      released: 15_000_000,
      paid: 12_000_000,
      commitments: { a: 12_000_000, b: 0 },
    });
  });

  it('replaces a confirmation by its correction instead of adding both', () => {
    const corrected = foldBudget(
      [
        ...history,
        {
          type: 'NationalShareConfirmed' as const,
          data: {
            fiscalYear: FY,
            applicationId: 'a',
            confirmed: 11_000_000,
            previouslyConfirmed: 12_000_000,
            released: 1_000_000,
            refundDue: 1_000_000,
            ...booked,
          },
        },
      ],
      FY,
    );
    expect(corrected).toMatchObject({ confirmed: 11_000_000, committed: 11_000_000, released: 16_000_000 });
  });
});
