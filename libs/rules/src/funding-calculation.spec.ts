import { calculateFunding } from './funding-calculation';
import { fy2023 } from './fy2023';
import { fy2024 } from './fy2024';
import { fy2025 } from './fy2025';
import { LenderType } from './plan';
import { RuleCode } from './rule-issue';
import { resolveRuleSet } from './rule-set-registry';
import { InvalidAmountError, InvalidDateError, InvalidDecimalError } from './rules-errors';
import { aPlan } from './testing/a-plan';

const rulesOf = (issues: readonly { rule: RuleCode }[]): RuleCode[] => issues.map((issue) => issue.rule);

describe('calculateFunding', () => {
  describe('rule 2: the cap follows the loan multiple m = L / G, compared exactly', () => {
    it.each`
      grant         | loan           | loanMultiple | cap           | capViolated
      ${20_000_000} | ${30_000_000}  | ${'1.50'}    | ${35_000_000} | ${false}
      ${20_000_000} | ${29_999_999}  | ${'1.49'}    | ${25_000_000} | ${false}
      ${20_000_000} | ${40_000_000}  | ${'2.00'}    | ${50_000_000} | ${false}
      ${20_000_000} | ${39_999_999}  | ${'1.99'}    | ${35_000_000} | ${false}
      ${26_000_000} | ${39_000_000}  | ${'1.50'}    | ${35_000_000} | ${false}
      ${26_000_000} | ${38_999_999}  | ${'1.49'}    | ${25_000_000} | ${true}
      ${40_000_000} | ${80_000_000}  | ${'2.00'}    | ${50_000_000} | ${false}
      ${40_000_000} | ${79_999_999}  | ${'1.99'}    | ${35_000_000} | ${true}
      ${25_000_000} | ${25_000_000}  | ${'1.00'}    | ${25_000_000} | ${false}
      ${25_000_001} | ${25_000_001}  | ${'1.00'}    | ${25_000_000} | ${true}
      ${50_000_001} | ${200_000_000} | ${'3.99'}    | ${50_000_000} | ${true}
    `(
      'G = $grant, L = $loan → multiple $loanMultiple, cap $cap, cap violated: $capViolated',
      ({ grant, loan, loanMultiple, cap, capViolated }) => {
        const result = calculateFunding(aPlan({ grant, loan }), fy2025);

        expect(result.loanMultiple).toBe(loanMultiple);
        expect(result.cap).toBe(cap);
        expect(rulesOf(result.violations).includes('grant_within_cap')).toBe(capViolated);
      },
    );

    it('names the figures when the cap is exceeded (26,000,000 with a loan of 38,999,999: 2·L < 3·G)', () => {
      const [violation] = calculateFunding(aPlan({ grant: 26_000_000, loan: 38_999_999 }), fy2025).violations;

      expect(violation).toEqual({
        rule: 'grant_within_cap',
        field: 'funding.grant',
        message:
          'The grant of 26,000,000 yen exceeds the cap of 25,000,000 yen for a loan multiple of 1.49 (loan 38,999,999 yen).',
        figures: { grant: 26_000_000, cap: 25_000_000, loan: 38_999_999, loanMultiple: '1.49' },
      });
    });

    it('truncates the multiple instead of rounding it: 19,999,999 / 10,000,000 → "1.99", not "2.00"', () => {
      expect(calculateFunding(aPlan({ grant: 10_000_000, loan: 19_999_999 }), fy2025).loanMultiple).toBe(
        '1.99',
      );
    });
  });

  describe('a grant of zero or less', () => {
    it.each`
      grant | loan
      ${0}  | ${10_000_000}
      ${-1} | ${10_000_000}
    `('G = $grant → grant_positive, no loan multiple and no cap violation', ({ grant, loan }) => {
      const result = calculateFunding(aPlan({ grant, loan }), fy2025);

      expect(result.loanMultiple).toBeNull();
      expect(result.cap).toBe(50_000_000);
      expect(rulesOf(result.violations)).toEqual(['grant_positive']);
    });
  });

  describe('rule 1: the loan is at least the grant (national track)', () => {
    it.each`
      loan          | violated
      ${10_000_000} | ${false}
      ${9_999_999}  | ${true}
    `('G = 10,000,000 with L = $loan → loan_at_least_grant violated: $violated', ({ loan, violated }) => {
      const costs = [{ category: 'facility' as const, amount: 10_000_000 + loan }];
      const result = calculateFunding(aPlan({ grant: 10_000_000, loan, costs }), fy2025);

      expect(rulesOf(result.violations).includes('loan_at_least_grant')).toBe(violated);
    });
  });

  describe('rule 3: the grant is at most half the eligible cost', () => {
    it.each`
      eligible      | grant         | violated
      ${40_000_000} | ${20_000_000} | ${false}
      ${40_000_000} | ${20_000_001} | ${true}
      ${40_000_001} | ${20_000_000} | ${false}
      ${40_000_001} | ${20_000_001} | ${true}
    `('eligible cost $eligible, G = $grant → violated: $violated', ({ eligible, grant, violated }) => {
      // Own funds fill the gap so that G + L + S = total and only rule 3 is in question.
      const loan = 25_000_000;
      const plan = aPlan({
        grant,
        loan,
        ownFunds: eligible - grant - loan,
        costs: [{ category: 'machinery', amount: eligible }],
      });
      const result = calculateFunding(plan, fy2025);

      expect(rulesOf(result.violations)).toEqual(violated ? ['grant_within_half_of_eligible_cost'] : []);
    });
  });

  describe('the funding sources must add up to the total investment', () => {
    it('G 10,000,000 + L 10,000,000 + S 1 against a total of 20,000,000 → funding_matches_total_cost', () => {
      const plan = aPlan({
        grant: 10_000_000,
        loan: 10_000_000,
        ownFunds: 1,
        costs: [{ category: 'facility', amount: 20_000_000 }],
      });
      const [violation] = calculateFunding(plan, fy2025).violations;

      expect(violation.rule).toBe('funding_matches_total_cost');
      expect(violation.field).toBe('funding');
      expect(violation.figures).toMatchObject({ funding: 20_000_001, totalCost: 20_000_000 });
    });
  });

  describe('rule 4: the national rate by fiscal strength in a disadvantaged area', () => {
    it.each`
      disadvantagedArea | fiscalStrengthIndex | numerator | denominator | basis
      ${true}           | ${'0.24'}           | ${3}      | ${4}        | ${['disadvantaged_area_fsi_below_0.25']}
      ${true}           | ${'0.2499999'}      | ${3}      | ${4}        | ${['disadvantaged_area_fsi_below_0.25']}
      ${true}           | ${'0.25'}           | ${2}      | ${3}        | ${['disadvantaged_area_fsi_below_0.5']}
      ${true}           | ${'0.250'}          | ${2}      | ${3}        | ${['disadvantaged_area_fsi_below_0.5']}
      ${true}           | ${'0.499'}          | ${2}      | ${3}        | ${['disadvantaged_area_fsi_below_0.5']}
      ${true}           | ${'0.5'}            | ${1}      | ${2}        | ${['base']}
      ${true}           | ${'0.50'}           | ${1}      | ${2}        | ${['base']}
      ${false}          | ${'0.1'}            | ${1}      | ${2}        | ${['base']}
      ${true}           | ${'0'}              | ${3}      | ${4}        | ${['disadvantaged_area_fsi_below_0.25']}
    `(
      'disadvantaged $disadvantagedArea, FSI $fiscalStrengthIndex → $numerator/$denominator',
      ({ disadvantagedArea, fiscalStrengthIndex, numerator, denominator, basis }) => {
        const plan = aPlan({ grant: 10_000_000, loan: 10_000_000, disadvantagedArea, fiscalStrengthIndex });

        expect(calculateFunding(plan, fy2025).subsidyRate).toEqual({ numerator, denominator, basis });
      },
    );
  });

  describe('rule 4: each fiscal year’s digital rate', () => {
    // G = 20,000,000: N = G × r to the thousand yen, T = (G − N) / 2, M = the rest.
    it.each`
      ruleSet   | numerator | denominator | nationalShare | specialTaxShare | municipalShare
      ${fy2023} | ${10}     | ${10}       | ${20_000_000} | ${0}            | ${0}
      ${fy2024} | ${9}      | ${10}       | ${18_000_000} | ${1_000_000}    | ${1_000_000}
      ${fy2025} | ${3}      | ${4}        | ${15_000_000} | ${2_500_000}    | ${2_500_000}
    `(
      '$ruleSet.id: digital → $numerator/$denominator, N $nationalShare, T $specialTaxShare, M $municipalShare',
      ({ ruleSet, numerator, denominator, nationalShare, specialTaxShare, municipalShare }) => {
        const plan = aPlan({
          fiscalYear: ruleSet.fiscalYear,
          grant: 20_000_000,
          loan: 20_000_000,
          priorityCategories: ['digital'],
        });
        const result = calculateFunding(plan, ruleSet);

        expect(result.subsidyRate).toEqual({ numerator, denominator, basis: ['digital'] });
        expect(result).toMatchObject({ nationalShare, specialTaxShare, municipalShare });
      },
    );
  });

  describe('women_youth exists from FY2025 only', () => {
    it.each([fy2023, fy2024])('$id: ignored with a warning, so the base rate 1/2 applies', (ruleSet) => {
      const plan = aPlan({
        fiscalYear: ruleSet.fiscalYear,
        grant: 10_000_000,
        loan: 10_000_000,
        priorityCategories: ['women_youth'],
      });
      const result = calculateFunding(plan, ruleSet);

      expect(result.subsidyRate).toEqual({ numerator: 1, denominator: 2, basis: ['base'] });
      expect(result.warnings).toEqual([
        expect.objectContaining({ rule: 'priority_category_available', field: 'priorityCategories[0]' }),
      ]);
      expect(result.violations).toEqual([]);
    });

    it('FY2025: honoured at 3/4', () => {
      const plan = aPlan({ grant: 10_000_000, loan: 10_000_000, priorityCategories: ['women_youth'] });
      const result = calculateFunding(plan, fy2025);

      expect(result.subsidyRate).toEqual({ numerator: 3, denominator: 4, basis: ['women_youth'] });
      expect(result.warnings).toEqual([]);
    });

    it('names the position of the ignored claim: [digital, women_youth] in FY2024 → priorityCategories[1]', () => {
      const plan = aPlan({
        fiscalYear: 2024,
        grant: 10_000_000,
        loan: 10_000_000,
        priorityCategories: ['digital', 'women_youth'],
      });
      const result = calculateFunding(plan, fy2024);

      expect(result.warnings.map((w) => w.field)).toEqual(['priorityCategories[1]']);
      expect(result.subsidyRate.basis).toEqual(['digital']);
    });
  });

  describe('rule 4: the highest applicable rate wins, and every reason giving it is listed', () => {
    it.each`
      ruleSet   | fsi      | categories                        | numerator | denominator | basis
      ${fy2023} | ${'0.2'} | ${['decarbonization', 'digital']} | ${10}     | ${10}       | ${['digital']}
      ${fy2024} | ${'0.3'} | ${['decarbonization']}            | ${3}      | ${4}        | ${['decarbonization']}
      ${fy2024} | ${'0.2'} | ${['decarbonization']}            | ${3}      | ${4}        | ${['disadvantaged_area_fsi_below_0.25', 'decarbonization']}
      ${fy2025} | ${'0.2'} | ${['digital', 'women_youth']}     | ${3}      | ${4}        | ${['disadvantaged_area_fsi_below_0.25', 'digital', 'women_youth']}
      ${fy2025} | ${'0.3'} | ${[]}                             | ${2}      | ${3}        | ${['disadvantaged_area_fsi_below_0.5']}
      ${fy2025} | ${'0.3'} | ${['digital', 'digital']}         | ${3}      | ${4}        | ${['digital']}
    `(
      '$ruleSet.id, disadvantaged FSI $fsi, claims $categories → $numerator/$denominator by $basis',
      ({ ruleSet, fsi, categories, numerator, denominator, basis }) => {
        const plan = aPlan({
          fiscalYear: ruleSet.fiscalYear,
          grant: 10_000_000,
          loan: 10_000_000,
          disadvantagedArea: true,
          fiscalStrengthIndex: fsi,
          priorityCategories: categories,
        });

        expect(calculateFunding(plan, ruleSet).subsidyRate).toEqual({ numerator, denominator, basis });
      },
    );
  });

  describe('rule 5: N to the thousand yen, T to the yen, M the remainder', () => {
    // G = 10,000,001 at each rate, by hand:
    //   2/3:   G·2/3 = 6,666,667.33 → N 6,666,000; G − N = 3,334,001; T = 1,667,000 (…000.5 cut); M = 1,667,001
    //   1/2:   5,000,000.5 → N 5,000,000; G − N = 5,000,001; T = 2,500,000; M = 2,500,001
    //   3/4:   7,500,000.75 → N 7,500,000; G − N = 2,500,001; T = 1,250,000; M = 1,250,001
    //   9/10:  9,000,000.9 → N 9,000,000; G − N = 1,000,001; T = 500,000; M = 500,001
    //   10/10: 10,000,001 → N 10,000,000; G − N = 1; T = 0; M = 1
    it.each`
      case       | ruleSet   | disadvantagedArea | fsi      | categories     | nationalShare | specialTaxShare | municipalShare
      ${'2/3'}   | ${fy2025} | ${true}           | ${'0.3'} | ${[]}          | ${6_666_000}  | ${1_667_000}    | ${1_667_001}
      ${'1/2'}   | ${fy2025} | ${false}          | ${'0.3'} | ${[]}          | ${5_000_000}  | ${2_500_000}    | ${2_500_001}
      ${'3/4'}   | ${fy2025} | ${true}           | ${'0.1'} | ${[]}          | ${7_500_000}  | ${1_250_000}    | ${1_250_001}
      ${'9/10'}  | ${fy2024} | ${false}          | ${'0.3'} | ${['digital']} | ${9_000_000}  | ${500_000}      | ${500_001}
      ${'10/10'} | ${fy2023} | ${false}          | ${'0.3'} | ${['digital']} | ${10_000_000} | ${0}            | ${1}
    `(
      'G = 10,000,001 at $case → N $nationalShare, T $specialTaxShare, M $municipalShare',
      ({ ruleSet, disadvantagedArea, fsi, categories, nationalShare, specialTaxShare, municipalShare }) => {
        const plan = aPlan({
          fiscalYear: ruleSet.fiscalYear,
          grant: 10_000_001,
          loan: 10_000_001,
          disadvantagedArea,
          fiscalStrengthIndex: fsi,
          priorityCategories: categories,
        });

        expect(calculateFunding(plan, ruleSet)).toMatchObject({
          nationalShare,
          specialTaxShare,
          municipalShare,
        });
      },
    );

    const rateCases = [
      { name: '1/2', ruleSet: fy2025, disadvantagedArea: false, fsi: '0.9', categories: [] },
      { name: '2/3', ruleSet: fy2025, disadvantagedArea: true, fsi: '0.3', categories: [] },
      { name: '3/4', ruleSet: fy2025, disadvantagedArea: true, fsi: '0.1', categories: [] },
      {
        name: '9/10',
        ruleSet: fy2024,
        disadvantagedArea: false,
        fsi: '0.9',
        categories: ['digital' as const],
      },
      {
        name: '10/10',
        ruleSet: fy2023,
        disadvantagedArea: false,
        fsi: '0.9',
        categories: ['digital' as const],
      },
      {
        name: '0 (local track)',
        ruleSet: fy2025,
        disadvantagedArea: false,
        fsi: '0.9',
        categories: [],
        track: 'local' as const,
      },
    ];
    const sweep = [
      ...Array.from({ length: 3_001 }, (_, i) => i + 1),
      ...Array.from({ length: 200 }, (_, i) => 9_999_900 + i),
      ...Array.from({ length: 200 }, (_, i) => 49_999_900 + i),
      999_999_999_999,
    ];

    it.each(rateCases)(
      'at $name, N + T + M = G for every G of a sweep of ' + sweep.length + ' grants',
      (rateCase) => {
        for (const grant of sweep) {
          const plan = aPlan({
            fiscalYear: rateCase.ruleSet.fiscalYear,
            track: rateCase.track,
            grant,
            loan: grant,
            disadvantagedArea: rateCase.disadvantagedArea,
            fiscalStrengthIndex: rateCase.fsi,
            priorityCategories: rateCase.categories,
          });
          const {
            nationalShare: n,
            specialTaxShare: t,
            municipalShare: m,
            subsidyRate: r,
          } = calculateFunding(plan, rateCase.ruleSet);
          const exactNational = (BigInt(grant) * BigInt(r.numerator)) / BigInt(r.denominator);

          expect(n + t + m).toBe(grant);
          expect(n % 1_000).toBe(0);
          expect(BigInt(n) <= exactNational && exactNational - BigInt(n) < 1_000n).toBe(true);
          expect(t).toBe(Number(BigInt(grant - n) / 2n));
        }
      },
    );
  });

  describe('the local track (FY2024 onwards)', () => {
    const localPlan = (fiscalYear: number) =>
      aPlan({
        fiscalYear,
        track: 'local',
        grant: 10_000_000,
        loan: 5_000_000,
        ownFunds: 5_000_000,
        lenderType: 'crowdfunding',
        secured: true,
        costs: [
          { category: 'facility', amount: 8_000_000 },
          { category: 'advertising', amount: 6_000_000 },
          { category: 'product_development', amount: 6_000_000 },
        ],
      });

    it.each([fy2024, fy2025])(
      '$id: loan 5,000,000 below a grant of 10,000,000, soft costs, crowdfunding, secured without a reason → no violation, no warning',
      (ruleSet) => {
        const result = calculateFunding(localPlan(ruleSet.fiscalYear), ruleSet);

        expect(result.violations).toEqual([]);
        expect(result.warnings).toEqual([]);
        expect(result.track).toBe('local');
        expect(result.eligibleCost).toBe(20_000_000);
      },
    );

    it('MIC pays nothing; the special tax covers half: G 10,000,000 → N 0, T 5,000,000, M 5,000,000', () => {
      const result = calculateFunding(localPlan(2025), fy2025);

      expect(result.subsidyRate).toEqual({ numerator: 0, denominator: 1, basis: ['no_national_subsidy'] });
      expect(result).toMatchObject({
        nationalShare: 0,
        specialTaxShare: 5_000_000,
        municipalShare: 5_000_000,
      });
    });

    it('the same plan on the national track breaks rule 1, the lender rule, and warns on each soft cost and the security', () => {
      const result = calculateFunding({ ...localPlan(2025), track: 'national' }, fy2025);

      // Eligible cost is only the 8,000,000 facility: 2 × 10,000,000 > 8,000,000 breaks rule 3 as well.
      expect(rulesOf(result.violations)).toEqual([
        'loan_at_least_grant',
        'grant_within_half_of_eligible_cost',
        'lender_eligible',
      ]);
      expect(result.warnings.map((w) => [w.rule, w.field])).toEqual([
        ['loan_unsecured', 'funding.loan.secured'],
        ['cost_category_eligible', 'costs[1].category'],
        ['cost_category_eligible', 'costs[2].category'],
      ]);
      expect(result.eligibleCost).toBe(8_000_000);
    });

    it('FY2023 has no local track: track_available, and the figures use the national rules', () => {
      const result = calculateFunding(localPlan(2023), fy2023);

      expect(result.violations[0]).toEqual(
        expect.objectContaining({
          rule: 'track_available',
          field: 'track',
          figures: { track: 'local', fiscalYear: 2023 },
        }),
      );
      expect(result.track).toBe('local');
      expect(result.subsidyRate.basis).toEqual(['base']);
    });
  });

  describe('lenders: the 地域金融機関等 on the national track, outside financing on the local one', () => {
    it.each`
      lenderType                    | track         | rule
      ${'regional_bank'}            | ${'national'} | ${undefined}
      ${'credit_cooperative'}       | ${'national'} | ${undefined}
      ${'jfc'}                      | ${'national'} | ${undefined}
      ${'okinawa_dfc'}              | ${'national'} | ${undefined}
      ${'municipality_furusato'}    | ${'national'} | ${undefined}
      ${'agricultural_cooperative'} | ${'national'} | ${'lender_eligible'}
      ${'city_bank'}                | ${'national'} | ${'lender_eligible'}
      ${'other'}                    | ${'national'} | ${'lender_eligible'}
      ${'crowdfunding'}             | ${'national'} | ${'lender_eligible'}
      ${'crowdfunding'}             | ${'local'}    | ${undefined}
      ${'shinkin_bank'}             | ${'local'}    | ${undefined}
      ${'city_bank'}                | ${'local'}    | ${'outside_financing_present'}
      ${'agricultural_cooperative'} | ${'local'}    | ${'outside_financing_present'}
    `('$lenderType on the $track track → $rule', ({ lenderType, track, rule }) => {
      const result = calculateFunding(
        aPlan({ track, grant: 10_000_000, loan: 10_000_000, lenderType }),
        fy2025,
      );

      expect(result.violations).toEqual(
        rule === undefined ? [] : [expect.objectContaining({ rule, field: 'funding.loan.lenderType' })],
      );
    });

    it.each([fy2023, fy2024, fy2025])(
      '$id: an agricultural cooperative is not eligible on the national track',
      (ruleSet) => {
        const plan = aPlan({
          fiscalYear: ruleSet.fiscalYear,
          grant: 10_000_000,
          loan: 10_000_000,
          lenderType: 'agricultural_cooperative',
        });

        expect(rulesOf(calculateFunding(plan, ruleSet).violations)).toEqual(['lender_eligible']);
      },
    );
  });

  describe('an equity investment (出資) counts exactly like a loan', () => {
    it.each`
      grant         | equity        | cap           | loanMultiple | rules
      ${30_000_000} | ${45_000_000} | ${35_000_000} | ${'1.50'}    | ${[]}
      ${30_000_000} | ${44_999_999} | ${25_000_000} | ${'1.49'}    | ${['grant_within_cap']}
      ${20_000_000} | ${40_000_000} | ${50_000_000} | ${'2.00'}    | ${[]}
      ${20_000_000} | ${19_999_999} | ${25_000_000} | ${'0.99'}    | ${['loan_at_least_grant']}
    `(
      'G $grant with an equity investment of $equity → cap $cap, multiple $loanMultiple, violations $rules',
      ({ grant, equity, cap, loanMultiple, rules }) => {
        // S = 1 keeps 2·G within the eligible cost (G + L + S) in every row.
        const asEquity = calculateFunding(
          aPlan({ grant, loan: equity, ownFunds: 1, form: 'equity' }),
          fy2025,
        );
        const asLoan = calculateFunding(aPlan({ grant, loan: equity, ownFunds: 1 }), fy2025);

        expect(asEquity).toMatchObject({ financingForm: 'equity', cap, loanMultiple });
        expect(rulesOf(asEquity.violations)).toEqual(rules);
        const { financingForm: _equity, violations: _v1, ...equityFigures } = asEquity;
        const { financingForm: _loan, violations: _v2, ...loanFigures } = asLoan;
        expect(equityFigures).toEqual(loanFigures);
        expect(asLoan.financingForm).toBe('loan');
      },
    );

    it('names it as an equity investment in a message', () => {
      const plan = aPlan({ grant: 20_000_000, loan: 19_999_999, form: 'equity' });
      const [violation] = calculateFunding(plan, fy2025).violations;

      expect(violation.message).toBe(
        'The equity investment of 19,999,999 yen must be at least the grant of 20,000,000 yen.',
      );
    });

    it('is outside financing on the local track', () => {
      const plan = aPlan({
        track: 'local',
        grant: 10_000_000,
        loan: 1,
        ownFunds: 10_000_000,
        form: 'equity',
      });

      expect(calculateFunding(plan, fy2025).violations).toEqual([]);
    });
  });

  describe('the disadvantaged-area rates are for 市町村: a prefecture gets the base rate', () => {
    it.each`
      code         | who                  | fsi      | categories             | numerator | denominator | basis
      ${undefined} | ${'no code'}         | ${'0.2'} | ${[]}                  | ${3}      | ${4}        | ${['disadvantaged_area_fsi_below_0.25']}
      ${'032077'}  | ${'久慈市'}          | ${'0.2'} | ${[]}                  | ${3}      | ${4}        | ${['disadvantaged_area_fsi_below_0.25']}
      ${'131016'}  | ${'千代田区'}        | ${'0.3'} | ${[]}                  | ${2}      | ${3}        | ${['disadvantaged_area_fsi_below_0.5']}
      ${'030007'}  | ${'岩手県'}          | ${'0.2'} | ${[]}                  | ${1}      | ${2}        | ${['base', 'disadvantaged_area_rates_for_municipalities_only']}
      ${'130001'}  | ${'東京都'}          | ${'0.3'} | ${[]}                  | ${1}      | ${2}        | ${['base', 'disadvantaged_area_rates_for_municipalities_only']}
      ${'030007'}  | ${'岩手県'}          | ${'0.5'} | ${[]}                  | ${1}      | ${2}        | ${['base']}
      ${'030007'}  | ${'岩手県, a claim'} | ${'0.2'} | ${['decarbonization']} | ${3}      | ${4}        | ${['decarbonization']}
      ${'030007'}  | ${'岩手県, digital'} | ${'0.3'} | ${['digital']}         | ${3}      | ${4}        | ${['digital']}
    `(
      '$who ($code), disadvantaged, FSI $fsi, claims $categories → $numerator/$denominator by $basis',
      ({ code, fsi, categories, numerator, denominator, basis }) => {
        const plan = aPlan({
          grant: 10_000_000,
          loan: 10_000_000,
          municipalityCode: code,
          disadvantagedArea: true,
          fiscalStrengthIndex: fsi,
          priorityCategories: categories,
        });

        expect(calculateFunding(plan, fy2025).subsidyRate).toEqual({ numerator, denominator, basis });
      },
    );

    it('a prefecture at 1/2: G 10,000,000 → N 5,000,000, T 2,500,000, M 2,500,000', () => {
      const plan = aPlan({
        grant: 10_000_000,
        loan: 10_000_000,
        municipalityCode: '030007',
        disadvantagedArea: true,
        fiscalStrengthIndex: '0.2',
      });

      expect(calculateFunding(plan, fy2025)).toMatchObject({
        nationalShare: 5_000_000,
        specialTaxShare: 2_500_000,
        municipalShare: 2_500_000,
        violations: [],
      });
    });

    it.each(['032078', '13000', '13000a'])(
      'a code %j is malformed input: invalid_local_government_code',
      (code) => {
        const plan = aPlan({ grant: 1, loan: 1, municipalityCode: code });

        expect(() => calculateFunding(plan, fy2025)).toThrow(
          expect.objectContaining({ code: 'invalid_local_government_code', field: 'municipality.code' }),
        );
      },
    );
  });

  describe('the local track is for 市町村 with outside financing', () => {
    const localPlan = (sketch: { municipalityCode?: string; loan?: number; lenderType?: LenderType }) =>
      aPlan({
        track: 'local',
        grant: 10_000_000,
        loan: sketch.loan ?? 5_000_000,
        ownFunds: 15_000_000 - (sketch.loan ?? 5_000_000),
        lenderType: sketch.lenderType ?? 'shinkin_bank',
        municipalityCode: sketch.municipalityCode,
        costs: [{ category: 'facility', amount: 25_000_000 }],
      });

    it.each`
      code         | who                  | violated
      ${'130001'}  | ${'東京都'}          | ${true}
      ${'010006'}  | ${'北海道'}          | ${true}
      ${'131016'}  | ${'千代田区 (ward)'} | ${false}
      ${'011002'}  | ${'札幌市'}          | ${false}
      ${'032077'}  | ${'久慈市'}          | ${false}
      ${undefined} | ${'no code'}         | ${false}
    `('$who ($code) on the local track → track_available violated: $violated', ({ code, violated }) => {
      const result = calculateFunding(localPlan({ municipalityCode: code }), fy2025);

      expect(rulesOf(result.violations)).toEqual(violated ? ['track_available'] : []);
    });

    it('names the prefecture in the violation', () => {
      const [violation] = calculateFunding(localPlan({ municipalityCode: '130001' }), fy2025).violations;

      expect(violation).toEqual({
        rule: 'track_available',
        field: 'track',
        message:
          "The local track is for 市町村 only (cities, towns, villages and Tokyo's special wards); 130001 is a prefecture's code.",
        figures: { track: 'local', municipalityCode: '130001' },
      });
    });

    it('a prefecture may still use the national track', () => {
      const plan = aPlan({ grant: 10_000_000, loan: 10_000_000, municipalityCode: '130001' });

      expect(calculateFunding(plan, fy2025).violations).toEqual([]);
    });

    it.each`
      loan         | lenderType        | field                        | violated
      ${1}         | ${'shinkin_bank'} | ${undefined}                 | ${false}
      ${0}         | ${'shinkin_bank'} | ${'funding.loan.amount'}     | ${true}
      ${0}         | ${'crowdfunding'} | ${'funding.loan.amount'}     | ${true}
      ${5_000_000} | ${'crowdfunding'} | ${undefined}                 | ${false}
      ${5_000_000} | ${'other'}        | ${'funding.loan.lenderType'} | ${true}
      ${0}         | ${'city_bank'}    | ${'funding.loan.amount'}     | ${true}
    `(
      'L = $loan from $lenderType → outside_financing_present violated: $violated',
      ({ loan, lenderType, field, violated }) => {
        const result = calculateFunding(localPlan({ loan, lenderType }), fy2025);

        expect(result.violations).toEqual(
          violated ? [expect.objectContaining({ rule: 'outside_financing_present', field })] : [],
        );
      },
    );

    it('says what is missing when L = 0', () => {
      const [violation] = calculateFunding(localPlan({ loan: 0 }), fy2025).violations;

      expect(violation.message).toBe(
        'The local track needs outside financing (a loan, an equity investment or crowdfunding) of more than 0 yen ' +
          'from one of regional_bank, second_regional_bank, shinkin_bank, credit_cooperative, jfc, okinawa_dfc, ' +
          'municipality_furusato, crowdfunding; it is 0 yen.',
      );
    });

    it('the national track has no such rule: L = 0 breaks rule 1 instead', () => {
      const plan = aPlan({ grant: 10_000_000, loan: 0, ownFunds: 10_000_000 });

      expect(rulesOf(calculateFunding(plan, fy2025).violations)).toEqual(['loan_at_least_grant']);
    });
  });

  describe('completion_after_decision: the project should still run when its round is decided', () => {
    // Round 2026-03 closes on 10 March 2026; decided 42 days later, on 2026-04-21.
    it.each`
      round        | completion      | reason             | warns    | case
      ${'2026-03'} | ${'2026-03-31'} | ${undefined}       | ${true}  | ${'the March round of a project finishing on 31 March'}
      ${'2026-03'} | ${'2026-04-21'} | ${'Late delivery'} | ${true}  | ${'finishing on the decision due date'}
      ${'2026-03'} | ${'2026-04-22'} | ${'Late delivery'} | ${false} | ${'finishing the day after the decision due date'}
      ${'2025-06'} | ${'2026-03-31'} | ${undefined}       | ${false} | ${'the June round (decided 2025-07-22)'}
      ${undefined} | ${'2026-03-31'} | ${undefined}       | ${false} | ${'no round known (the calculator without one)'}
    `('$case → warns: $warns', ({ round, completion, reason, warns }) => {
      const schedule = { start: '2025-05-01', completion, extendedCompletionReason: reason };
      const result = calculateFunding(aPlan({ grant: 10_000_000, loan: 10_000_000, schedule }), fy2025, {
        round,
      });

      expect(rulesOf(result.warnings)).toEqual(warns ? ['completion_after_decision'] : []);
      expect(result.violations).toEqual([]);
    });

    it('names the dates', () => {
      const schedule = { start: '2025-05-01', completion: '2026-03-31' };
      const [warning] = calculateFunding(aPlan({ grant: 10_000_000, loan: 10_000_000, schedule }), fy2025, {
        round: '2026-03',
      }).warnings;

      expect(warning).toEqual({
        rule: 'completion_after_decision',
        field: 'schedule.completion',
        message:
          'The planned completion 2026-03-31 is not after the decision due date 2026-04-21 of round 2026-03: ' +
          'the project would be finished before it is decided.',
        figures: { completion: '2026-03-31', round: '2026-03', decisionDueDate: '2026-04-21' },
      });
    });

    it('without a schedule there is nothing to compare', () => {
      const result = calculateFunding(aPlan({ grant: 10_000_000, loan: 10_000_000 }), fy2025, {
        round: '2026-03',
      });

      expect(result.warnings).toEqual([]);
    });
  });

  describe('secured loans on the national track', () => {
    it.each`
      secured      | securedReason                         | warns    | case
      ${undefined} | ${undefined}                          | ${false} | ${'security not stated'}
      ${false}     | ${undefined}                          | ${false} | ${'unsecured'}
      ${true}      | ${undefined}                          | ${true}  | ${'secured, no reason'}
      ${true}      | ${'   '}                              | ${true}  | ${'secured, a blank reason'}
      ${true}      | ${'The lender requires the building'} | ${false} | ${'secured, with a reason'}
    `('$case → loan_unsecured warning: $warns', ({ secured, securedReason, warns }) => {
      const result = calculateFunding(
        aPlan({ grant: 10_000_000, loan: 10_000_000, secured, securedReason }),
        fy2025,
      );

      expect(rulesOf(result.warnings)).toEqual(warns ? ['loan_unsecured'] : []);
      expect(result.violations).toEqual([]);
    });
  });

  describe('cost categories', () => {
    it('national: advertising, product development and other are excluded from the eligible cost, one warning each', () => {
      const costs = [
        { category: 'facility' as const, amount: 30_000_000 },
        { category: 'advertising' as const, amount: 1_000_000 },
        { category: 'equipment' as const, amount: 5_000_000 },
        { category: 'product_development' as const, amount: 2_000_000 },
        { category: 'other' as const, amount: 2_000_000 },
      ];
      const result = calculateFunding(aPlan({ grant: 10_000_000, loan: 30_000_000, costs }), fy2025);

      expect(result).toMatchObject({ totalCost: 40_000_000, eligibleCost: 35_000_000 });
      expect(result.warnings.map((w) => w.field)).toEqual([
        'costs[1].category',
        'costs[3].category',
        'costs[4].category',
      ]);
      expect(result.warnings[0].message).toBe(
        'The advertising cost of 1,000,000 yen is not eligible on the national track ' +
          '(eligible: facility, machinery, equipment) and is left out of the eligible cost.',
      );
    });

    it('local: other is never eligible', () => {
      const costs = [
        { category: 'advertising' as const, amount: 30_000_000 },
        { category: 'other' as const, amount: 10_000_000 },
      ];
      const result = calculateFunding(
        aPlan({ track: 'local', grant: 10_000_000, loan: 30_000_000, costs }),
        fy2025,
      );

      expect(result.eligibleCost).toBe(30_000_000);
      expect(result.warnings.map((w) => [w.rule, w.field])).toEqual([
        ['cost_category_eligible', 'costs[1].category'],
      ]);
    });
  });

  describe('rule 7: completion within the fiscal year, or with a reason within maxDurationMonths', () => {
    it.each`
      ruleSet   | start           | completion      | reason                    | violated | case
      ${fy2025} | ${'2025-05-01'} | ${'2026-03-31'} | ${undefined}              | ${false} | ${'on 31 March'}
      ${fy2025} | ${'2025-05-01'} | ${'2026-04-01'} | ${undefined}              | ${true}  | ${'a day later, no reason'}
      ${fy2025} | ${'2025-05-01'} | ${'2026-04-01'} | ${' '}                    | ${true}  | ${'a day later, a blank reason'}
      ${fy2025} | ${'2025-05-01'} | ${'2026-04-01'} | ${'Snow stops the works'} | ${false} | ${'a day later, with a reason'}
      ${fy2025} | ${'2025-04-01'} | ${'2027-03-31'} | ${'Two-year build'}       | ${false} | ${'24 months to the day, with a reason'}
      ${fy2025} | ${'2025-04-01'} | ${'2027-04-01'} | ${'Two-year build'}       | ${true}  | ${'one day past 24 months, with a reason'}
      ${fy2023} | ${'2023-06-01'} | ${'2024-05-31'} | ${'Late delivery'}        | ${false} | ${'12 months to the day, with a reason'}
      ${fy2023} | ${'2023-06-01'} | ${'2024-06-01'} | ${'Late delivery'}        | ${true}  | ${'one day past 12 months, with a reason'}
      ${fy2025} | ${'2025-06-01'} | ${'2025-05-31'} | ${undefined}              | ${true}  | ${'completion before start'}
      ${fy2025} | ${'2025-06-01'} | ${'2025-06-01'} | ${undefined}              | ${false} | ${'completion on the start day'}
    `(
      '$ruleSet.id: $start → $completion ($case) → violated: $violated',
      ({ ruleSet, start, completion, reason, violated }) => {
        const schedule = { start, completion, extendedCompletionReason: reason };
        const plan = aPlan({ fiscalYear: ruleSet.fiscalYear, grant: 10_000_000, loan: 10_000_000, schedule });
        const result = calculateFunding(plan, ruleSet);

        expect(result.violations).toEqual(
          violated
            ? [expect.objectContaining({ rule: 'completion_within_period', field: 'schedule.completion' })]
            : [],
        );
      },
    );

    it('says which limit was passed: 2026-04-01 in FY2025 without a reason', () => {
      const schedule = { start: '2025-05-01', completion: '2026-04-01' };
      const [violation] = calculateFunding(
        aPlan({ grant: 10_000_000, loan: 10_000_000, schedule }),
        fy2025,
      ).violations;

      expect(violation.message).toBe(
        'The completion date 2026-04-01 is after the end of fiscal year 2025 (2026-03-31); state why the project completes later.',
      );
    });
  });

  describe('the answer', () => {
    it('gives every figure even when rules are broken', () => {
      const plan = aPlan({ grant: 60_000_000, loan: 10_000_000, lenderType: 'city_bank' });
      const result = calculateFunding(plan, fy2025);

      expect(result).toEqual({
        ruleSetId: 'FY2025-v1',
        provisional: false,
        track: 'national',
        financingForm: 'loan',
        totalCost: 70_000_000,
        eligibleCost: 70_000_000,
        grant: 60_000_000,
        loanMultiple: '0.16',
        cap: 25_000_000,
        maxGrant: 10_000_000,
        subsidyRate: { numerator: 1, denominator: 2, basis: ['base'] },
        nationalShare: 30_000_000,
        specialTaxShare: 15_000_000,
        municipalShare: 15_000_000,
        violations: [
          expect.objectContaining({ rule: 'loan_at_least_grant' }),
          expect.objectContaining({ rule: 'grant_within_cap' }),
          expect.objectContaining({ rule: 'grant_within_half_of_eligible_cost' }),
          expect.objectContaining({ rule: 'lender_eligible' }),
        ],
        warnings: [],
      });
    });

    it('says provisional when the rule set is borrowed: FY2026 → FY2025-v1', () => {
      const { ruleSet, provisional } = resolveRuleSet(2026);
      const result = calculateFunding(
        aPlan({ fiscalYear: 2026, grant: 10_000_000, loan: 10_000_000 }),
        ruleSet,
        { provisional },
      );

      expect(result).toMatchObject({ ruleSetId: 'FY2025-v1', provisional: true });
    });

    it('is plain data that survives JSON', () => {
      const result = calculateFunding(aPlan({ grant: 10_000_000, loan: 10_000_000 }), fy2025);

      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });
  });

  describe('malformed input throws a typed error instead of guessing', () => {
    it.each(['0,21', 'abc', '-0.1', '1e-1', '', ' 0.2', '.5', '0.'])(
      'FSI %j → invalid_decimal',
      (fiscalStrengthIndex) => {
        const plan = aPlan({ grant: 10_000_000, loan: 10_000_000, fiscalStrengthIndex });

        expect(() => calculateFunding(plan, fy2025)).toThrow(InvalidDecimalError);
        expect(() => calculateFunding(plan, fy2025)).toThrow(
          expect.objectContaining({ code: 'invalid_decimal' }),
        );
      },
    );

    it.each`
      grant           | loan    | field
      ${10_000_000.5} | ${0}    | ${'funding.grant'}
      ${Number.NaN}   | ${0}    | ${'funding.grant'}
      ${10_000_000}   | ${1e20} | ${'funding.loan.amount'}
    `('G $grant, L $loan → invalid_amount on $field', ({ grant, loan, field }) => {
      const plan = aPlan({ grant, loan, costs: [] });

      expect(() => calculateFunding(plan, fy2025)).toThrow(InvalidAmountError);
      expect(() => calculateFunding(plan, fy2025)).toThrow(
        expect.objectContaining({ code: 'invalid_amount', field }),
      );
    });

    it('a completion date that does not exist (2026-02-29) → invalid_date', () => {
      const schedule = { start: '2025-05-01', completion: '2026-02-29' };

      expect(() => calculateFunding(aPlan({ grant: 1, loan: 1, schedule }), fy2025)).toThrow(
        InvalidDateError,
      );
    });
  });
});
