import { completePlan } from '../../test/fixtures';
import { checkCompleteness } from './completeness';
import { toFundingPlan } from './to-funding-plan';

describe('checkCompleteness', () => {
  it('finds nothing missing in a complete plan, whose optional parts may be absent', () => {
    const { track: _track, priorityCategories: _categories, ...withoutOptional } = completePlan;
    expect(checkCompleteness(completePlan)).toEqual([]);
    expect(checkCompleteness({ ...withoutOptional, business: { name: 'x' } })).toEqual([]);
  });

  it('names every missing field of an empty plan', () => {
    expect(checkCompleteness({}).map((issue) => issue.field)).toEqual([
      'business.name',
      'projectTitle',
      'summary',
      'municipality.disadvantagedArea',
      'municipality.fiscalStrengthIndex',
      'costs',
      'funding.grant',
      'funding.loan.amount',
      'funding.loan.lenderType',
      'funding.ownFunds',
      'schedule.start',
      'schedule.completion',
    ]);
  });

  it('treats blank text as missing and looks into each cost item', () => {
    expect(
      checkCompleteness({
        ...completePlan,
        projectTitle: '  ',
        costs: [{ category: 'facility', amount: 1 }, { amount: 2 }],
      }),
    ).toEqual([
      { rule: 'plan_complete', field: 'projectTitle', message: 'projectTitle is required for submission' },
      {
        rule: 'plan_complete',
        field: 'costs[1].category',
        message: 'costs[1].category is required for submission',
      },
    ]);
  });
});

describe('toFundingPlan', () => {
  it('converts a complete plan for the fiscal year it is submitted into', () => {
    expect(toFundingPlan(completePlan, 2025)).toEqual({
      fiscalYear: 2025,
      municipality: completePlan.municipality,
      costs: completePlan.costs,
      funding: completePlan.funding,
      priorityCategories: [],
      schedule: completePlan.schedule,
    });
  });

  it('converts once the figures are in, before the prose; not while a figure is missing', () => {
    const figuresOnly = {
      municipality: completePlan.municipality,
      costs: completePlan.costs,
      funding: completePlan.funding,
    };
    expect(toFundingPlan(figuresOnly, 2025)).toMatchObject({ fiscalYear: 2025, priorityCategories: [] });
    expect(toFundingPlan(figuresOnly, 2025)).not.toHaveProperty('schedule');
    expect(
      toFundingPlan({ ...figuresOnly, funding: { ...completePlan.funding, ownFunds: undefined } }, 2025),
    ).toBeUndefined();
    expect(toFundingPlan({ ...figuresOnly, costs: [{ category: 'facility' }] }, 2025)).toBeUndefined();
    expect(toFundingPlan({ ...figuresOnly, costs: [] }, 2025)).toBeUndefined();
  });
});
