import { fy2025 } from './fy2025';
import {
  costCategoryChanges,
  grantApplicationDueDate,
  largestGrantWithLimit,
  performanceReportDueDate,
} from './post-award';
import type { FundingPlan } from './plan';

const rules = fy2025.postAward;

describe('the grant application deadline', () => {
  it.each([
    ['2025-07-15T10:00:00+09:00', '2025-08-14'],
    // 23:30 UTC on 31 July is already 1 August in Japan.
    ['2025-07-31T23:30:00Z', '2025-08-31'],
    ['2026-03-02T09:00:00+09:00', '2026-04-01'],
  ])('adopted at %s is due on %s (30 days later, Japan time)', (adoptedAt, due) => {
    expect(grantApplicationDueDate(adoptedAt, rules)).toBe(due);
  });
});

describe('the performance report deadline', () => {
  it.each([
    ['2025-12-15', '2026-01-15', 'a month after completion'],
    ['2026-03-09', '2026-04-09', 'a month after completion, still before 10 April'],
    ['2026-03-10', '2026-04-10', 'both fall on 10 April'],
    ['2026-03-31', '2026-04-10', '10 April of the next fiscal year, earlier than 30 April'],
    ['2026-01-31', '2026-02-28', 'the month’s end when the next month is shorter'],
  ])('completion on %s is due on %s (%s)', (completion, due) => {
    expect(performanceReportDueDate(completion, rules)).toBe(due);
  });
});

describe('minor and material plan changes', () => {
  const planned = [
    { category: 'facility' as const, amount: 40_000_000 },
    { category: 'machinery' as const, amount: 10_000_000 },
  ];

  it.each([
    [48_000_000, false, 'exactly 20 % more is still minor'],
    [48_000_001, true, 'one yen over 20 % is material'],
    [32_000_000, false, 'exactly 20 % less is still minor'],
    [31_999_999, true, 'one yen past 20 % less is material'],
  ])('facility at %i: material %s (%s)', (facility, material) => {
    const changes = costCategoryChanges(
      planned,
      [
        { category: 'facility', amount: facility },
        { category: 'machinery', amount: 10_000_000 },
      ],
      rules,
    );
    expect(changes.find((change) => change.category === 'facility')).toEqual({
      category: 'facility',
      planned: 40_000_000,
      changed: facility,
      material,
    });
  });

  it('counts a new category and a dropped one as material', () => {
    const changes = costCategoryChanges(
      planned,
      [
        { category: 'facility', amount: 40_000_000 },
        { category: 'equipment', amount: 1 },
      ],
      rules,
    );
    expect(changes.filter((change) => change.material).map((change) => change.category)).toEqual([
      'machinery',
      'equipment',
    ]);
  });

  it('adds up several items of one category before comparing', () => {
    const changes = costCategoryChanges(
      planned,
      [
        { category: 'facility', amount: 30_000_000 },
        { category: 'facility', amount: 10_000_000 },
        { category: 'machinery', amount: 10_000_000 },
      ],
      rules,
    );
    expect(changes.every((change) => !change.material)).toBe(true);
  });
});

describe('the largest grant the figures allow, and the rule that stops it', () => {
  const plan = (eligible: number, loan: number): FundingPlan => ({
    fiscalYear: 2025,
    municipality: { disadvantagedArea: false, fiscalStrengthIndex: '0.50' },
    costs: [{ category: 'facility', amount: eligible }],
    funding: { grant: 1, loan: { amount: loan, lenderType: 'regional_bank' }, ownFunds: eligible - loan - 1 },
    priorityCategories: [],
  });

  it.each([
    [50_000_000, 40_000_000, 25_000_000, 'grant_within_half_of_eligible_cost'],
    [100_000_000, 20_000_000, 20_000_000, 'loan_at_least_grant'],
    [100_000_000, 52_500_000, 35_000_000, 'grant_within_cap'],
  ])('eligible %i with a loan of %i allows %i (%s)', (eligible, loan, maxGrant, limitedBy) => {
    expect(largestGrantWithLimit(plan(eligible, loan), fy2025)).toEqual({ maxGrant, limitedBy });
  });
});
