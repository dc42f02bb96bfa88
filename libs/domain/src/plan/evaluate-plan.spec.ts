import { completePlan } from '../../test/fixtures';
import type { ApplicationPlan } from './application-plan';
import { evaluatePlan } from './evaluate-plan';
import { toFundingPlan } from './to-funding-plan';

const JUNE_2025 = { round: '2025-06', fiscalYear: 2025 };
const rulesOf = (issues: readonly { rule: string }[] = []) => issues.map((issue) => issue.rule);

describe('evaluatePlan: the rules see the application owner’s code', () => {
  // completePlan: disadvantaged area, FSI 0.21 → 3/4 for a 市町村.
  it.each`
    owner       | who                        | numerator | denominator | basis
    ${'032077'} | ${'久慈市 (a city)'}       | ${3}      | ${4}        | ${['disadvantaged_area_fsi_below_0.25']}
    ${'131016'} | ${'千代田区 (a ward)'}     | ${3}      | ${4}        | ${['disadvantaged_area_fsi_below_0.25']}
    ${'030007'} | ${'岩手県 (a prefecture)'} | ${1}      | ${2}        | ${['base', 'disadvantaged_area_rates_for_municipalities_only']}
  `('$who → rate $numerator/$denominator', ({ owner, numerator, denominator, basis }) => {
    const { calculation } = evaluatePlan(completePlan, owner, JUNE_2025, {});

    expect(calculation?.subsidyRate).toEqual({ numerator, denominator, basis });
  });

  it.each`
    owner       | who                        | violations
    ${'032077'} | ${'久慈市'}                | ${[]}
    ${'130001'} | ${'東京都 (a prefecture)'} | ${['track_available']}
  `('$who on the local track → $violations', ({ owner, violations }) => {
    const localPlan: ApplicationPlan = { ...completePlan, track: 'local' };

    expect(rulesOf(evaluatePlan(localPlan, owner, JUNE_2025, {}).calculation?.violations)).toEqual(
      violations,
    );
  });

  it('a local-track plan without outside financing (L = 0) → outside_financing_present', () => {
    const plan: ApplicationPlan = {
      ...completePlan,
      track: 'local',
      funding: { grant: 20_000_000, loan: { amount: 0, lenderType: 'shinkin_bank' }, ownFunds: 40_000_000 },
    };

    expect(rulesOf(evaluatePlan(plan, '032077', JUNE_2025, {}).calculation?.violations)).toEqual([
      'outside_financing_present',
    ]);
  });

  it.each`
    round        | fiscalYear | warns    | why
    ${'2025-06'} | ${2025}    | ${false} | ${'decided 2025-07-22, long before the 2026-03-31 completion'}
    ${'2026-03'} | ${2025}    | ${true}  | ${'decided 2026-04-21, after the 2026-03-31 completion'}
  `('round $round → completion_after_decision warns: $warns ($why)', ({ round, fiscalYear, warns }) => {
    const { calculation } = evaluatePlan(completePlan, '032077', { round, fiscalYear }, {});

    expect(rulesOf(calculation?.warnings)).toEqual(warns ? ['completion_after_decision'] : []);
  });
});

describe('toFundingPlan takes the code from the owner, never from the plan', () => {
  it('the owner’s code goes into the funding plan', () => {
    expect(toFundingPlan(completePlan, 2025, '032077')?.municipality).toEqual({
      code: '032077',
      disadvantagedArea: true,
      fiscalStrengthIndex: '0.21',
    });
  });

  it('a code smuggled into a stored plan is replaced by the owner’s', () => {
    const smuggled = {
      ...completePlan,
      municipality: { ...completePlan.municipality, code: '130001' },
    } as ApplicationPlan;

    expect(toFundingPlan(smuggled, 2025, '032077')?.municipality.code).toBe('032077');
  });
});
