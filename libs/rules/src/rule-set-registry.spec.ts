import { compareFractions, fraction } from './fraction';
import { fy2023 } from './fy2023';
import { fy2024 } from './fy2024';
import { fy2025 } from './fy2025';
import { REVIEW_REQUIREMENTS } from './review-requirement';
import { findRuleSet, resolveRuleSet, ruleSets } from './rule-set-registry';
import { TrackRules } from './rule-set';
import { RuleSetUnavailableError } from './rules-errors';

describe('the rule set registry', () => {
  it('holds FY2023-v1, FY2024-v1 and FY2025-v1, oldest first', () => {
    expect(ruleSets.map((r) => [r.id, r.fiscalYear])).toEqual([
      ['FY2023-v1', 2023],
      ['FY2024-v1', 2024],
      ['FY2025-v1', 2025],
    ]);
  });

  it.each`
    id             | expected     | answer
    ${'FY2024-v1'} | ${fy2024}    | ${'the FY2024 set'}
    ${'FY2024-v2'} | ${undefined} | ${'undefined'}
    ${'fy2024-v1'} | ${undefined} | ${'undefined (ids are exact)'}
  `('findRuleSet($id) → $answer', ({ id, expected }) => {
    expect(findRuleSet(id)).toBe(expected);
  });

  describe('resolveRuleSet', () => {
    it.each`
      fiscalYear | id             | provisional
      ${2023}    | ${'FY2023-v1'} | ${false}
      ${2024}    | ${'FY2024-v1'} | ${false}
      ${2025}    | ${'FY2025-v1'} | ${false}
      ${2026}    | ${'FY2025-v1'} | ${true}
      ${2031}    | ${'FY2025-v1'} | ${true}
    `('FY$fiscalYear → $id, provisional $provisional', ({ fiscalYear, id, provisional }) => {
      const resolved = resolveRuleSet(fiscalYear);

      expect(resolved.ruleSet.id).toBe(id);
      expect(resolved.provisional).toBe(provisional);
    });

    it.each`
      fiscalYear | options                        | why
      ${2022}    | ${{}}                          | ${'before the first rule set'}
      ${2026}    | ${{ allowProvisional: false }} | ${'the provisional fallback is turned off'}
      ${2025.5}  | ${{}}                          | ${'not a whole year'}
    `('FY$fiscalYear → rule_set_unavailable ($why)', ({ fiscalYear, options }) => {
      expect(() => resolveRuleSet(fiscalYear, options)).toThrow(RuleSetUnavailableError);
      expect(() => resolveRuleSet(fiscalYear, options)).toThrow(
        expect.objectContaining({ code: 'rule_set_unavailable', fiscalYear }),
      );
    });

    it('still gives a year its own set when the fallback is off', () => {
      expect(resolveRuleSet(2025, { allowProvisional: false })).toEqual({
        ruleSet: fy2025,
        provisional: false,
      });
    });
  });

  it('is frozen: an id names its figures forever', () => {
    expect(() => {
      (fy2025.tracks.national.capBands[0] as { cap: number }).cap = 1;
    }).toThrow(TypeError);
  });
});

describe('the rule sets as data', () => {
  it.each`
    ruleSet   | tracks                   | digital             | priorityCategories                               | maxDurationMonths
    ${fy2023} | ${['national']}          | ${fraction(10, 10)} | ${['digital', 'decarbonization']}                | ${12}
    ${fy2024} | ${['national', 'local']} | ${fraction(9, 10)}  | ${['digital', 'decarbonization']}                | ${24}
    ${fy2025} | ${['national', 'local']} | ${fraction(3, 4)}   | ${['digital', 'decarbonization', 'women_youth']} | ${24}
  `(
    '$ruleSet.id: tracks $tracks, digital $digital.numerator/$digital.denominator, $maxDurationMonths months',
    ({ ruleSet, tracks, digital, priorityCategories, maxDurationMonths }) => {
      expect(Object.keys(ruleSet.tracks)).toEqual(tracks);
      expect(ruleSet.tracks.national.nationalSubsidy.priorityCategories.digital).toEqual(digital);
      expect(ruleSet.priorityCategories).toEqual(priorityCategories);
      expect(ruleSet.maxDurationMonths).toBe(maxDurationMonths);
      expect(ruleSet).toMatchObject({ minimumReviewers: 2, decisionLeadDays: 42 });
    },
  );

  describe.each(ruleSets)('$id', (ruleSet) => {
    const tracks = Object.entries(ruleSet.tracks) as [string, TrackRules][];

    it('national track: caps 25,000,000 below 3/2, 35,000,000 from 3/2, 50,000,000 from 2', () => {
      expect(ruleSet.tracks.national.capBands).toEqual([
        { multipleAtLeast: fraction(0, 1), cap: 25_000_000 },
        { multipleAtLeast: fraction(3, 2), cap: 35_000_000 },
        { multipleAtLeast: fraction(2, 1), cap: 50_000_000 },
      ]);
    });

    it('national track: base 1/2, disadvantaged FSI < 1/4 → 3/4, FSI < 1/2 → 2/3; decarbonization 3/4; special tax 1/2', () => {
      const national = ruleSet.tracks.national;
      expect(national.nationalSubsidy?.base).toEqual(fraction(1, 2));
      expect(national.nationalSubsidy?.disadvantagedArea.map((b) => [b.fiscalStrengthBelow, b.rate])).toEqual(
        [
          [fraction(1, 4), fraction(3, 4)],
          [fraction(1, 2), fraction(2, 3)],
        ],
      );
      expect(national.nationalSubsidy?.priorityCategories.decarbonization).toEqual(fraction(3, 4));
      expect(national.specialTaxRate).toEqual(fraction(1, 2));
    });

    it('the disadvantaged-area rates are for 市町村 only, never a prefecture', () => {
      expect(ruleSet.tracks.national.nationalSubsidy?.disadvantagedAreaForPrefectures).toBe(false);
    });

    it('national track: open to prefectures, hard costs only, the seven 地域金融機関等 (no agricultural cooperative), rule 1 on, secured loans warn, five requirements', () => {
      expect(ruleSet.tracks.national).toMatchObject({
        openToPrefectures: true,
        eligibleCostCategories: ['facility', 'machinery', 'equipment'],
        eligibleLenderTypes: [
          'regional_bank',
          'second_regional_bank',
          'shinkin_bank',
          'credit_cooperative',
          'jfc',
          'okinawa_dfc',
          'municipality_furusato',
        ],
        outsideFinancingRequired: false,
        loanAtLeastGrant: true,
        securedLoanWarns: true,
        reviewRequirements: [...REVIEW_REQUIREMENTS],
      });
    });

    it('rounding: N truncated to 1,000 yen, T to the yen, M the remainder', () => {
      expect(ruleSet.rounding).toEqual({
        nationalShare: { method: 'truncate', unit: 1_000 },
        specialTaxShare: { method: 'truncate', unit: 1 },
        municipalShare: 'remainder',
      });
    });

    it.each(tracks)(
      '%s track: cap bands start at 0 and rise, disadvantaged bands rise, never `other` or a city bank',
      (_, rules) => {
        expect(rules.capBands[0].multipleAtLeast.numerator).toBe(0);
        rules.capBands.slice(1).forEach((band, i) => {
          expect(compareFractions(band.multipleAtLeast, rules.capBands[i].multipleAtLeast)).toBe(1);
          expect(band.cap).toBeGreaterThan(rules.capBands[i].cap);
        });
        const bands = rules.nationalSubsidy?.disadvantagedArea ?? [];
        bands
          .slice(1)
          .forEach((band, i) =>
            expect(compareFractions(band.fiscalStrengthBelow, bands[i].fiscalStrengthBelow)).toBe(1),
          );
        expect(rules.eligibleCostCategories).not.toContain('other');
        expect(rules.eligibleLenderTypes).not.toContain('city_bank');
        expect(rules.eligibleLenderTypes).not.toContain('agricultural_cooperative');
        expect(rules.eligibleLenderTypes).not.toContain('other');
      },
    );

    it('offers a priority category exactly when the national track has a rate for it', () => {
      expect(Object.keys(ruleSet.tracks.national.nationalSubsidy?.priorityCategories ?? {})).toEqual(
        ruleSet.priorityCategories,
      );
    });

    it('is plain JSON data', () => {
      expect(JSON.parse(JSON.stringify(ruleSet))).toEqual(ruleSet);
    });
  });

  it.each([fy2024, fy2025])(
    '$id local track: 市町村 only, no national subsidy, special tax 1/2, soft costs, outside financing incl. crowdfunding, no rule 1, no secured warning, four requirements (no model_case)',
    (ruleSet) => {
      expect(ruleSet.tracks.local).toEqual({
        openToPrefectures: false,
        eligibleCostCategories: ['facility', 'machinery', 'equipment', 'advertising', 'product_development'],
        eligibleLenderTypes: [...ruleSet.tracks.national.eligibleLenderTypes, 'crowdfunding'],
        outsideFinancingRequired: true,
        loanAtLeastGrant: false,
        securedLoanWarns: false,
        capBands: ruleSet.tracks.national.capBands,
        nationalSubsidy: null,
        specialTaxRate: fraction(1, 2),
        reviewRequirements: ['local_resources', 'public_challenge', 'regional_financing', 'novelty'],
      });
    },
  );
});
