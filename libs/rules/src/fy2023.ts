import { fraction } from './fraction';
import { RuleSet } from './rule-set';

/**
 * 令和5年度 (FY2023). National track only: the local track (地方単独事業) starts in FY2024.
 * Digital projects get 10/10 this year.
 */
export const fy2023: RuleSet = {
  id: 'FY2023-v1',
  fiscalYear: 2023,
  tracks: {
    national: {
      openToPrefectures: true,
      eligibleCostCategories: ['facility', 'machinery', 'equipment'],
      // jfc, okinawa_dfc and municipality_furusato qualify from FY2023.
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
      capBands: [
        { multipleAtLeast: fraction(0, 1), cap: 25_000_000 },
        { multipleAtLeast: fraction(3, 2), cap: 35_000_000 },
        { multipleAtLeast: fraction(2, 1), cap: 50_000_000 },
      ],
      nationalSubsidy: {
        base: fraction(1, 2),
        // The 0.5 upper bound comes from MIC's 2016 announcement, not the FY2023 material.
        disadvantagedArea: [
          {
            fiscalStrengthBelow: fraction(1, 4),
            rate: fraction(3, 4),
            basis: 'disadvantaged_area_fsi_below_0.25',
          },
          {
            fiscalStrengthBelow: fraction(1, 2),
            rate: fraction(2, 3),
            basis: 'disadvantaged_area_fsi_below_0.5',
          },
        ],
        // 「条件不利地域かつ財政力の弱い市町村」: a prefecture gets the base rate.
        disadvantagedAreaForPrefectures: false,
        priorityCategories: {
          digital: fraction(10, 10),
          decarbonization: fraction(3, 4),
        },
      },
      specialTaxRate: fraction(1, 2),
      reviewRequirements: [
        'local_resources',
        'public_challenge',
        'regional_financing',
        'novelty',
        'model_case',
      ],
    },
  },
  priorityCategories: ['digital', 'decarbonization'],
  // Project decision: N to the thousand yen (千円未満切捨て), T to the yen, M the remainder.
  rounding: {
    nationalShare: { method: 'truncate', unit: 1_000 },
    specialTaxShare: { method: 'truncate', unit: 1 },
    municipalShare: 'remainder',
  },
  minimumReviewers: 2,
  // Project decision: "about a month and a half" after the deadline.
  decisionLeadDays: 42,
  // 年度内完了: a project fits in one fiscal year.
  maxDurationMonths: 12,
  postAward: {
    grantApplicationDays: 30,
    minorChangeRatio: fraction(1, 5),
    reportDueMonthsAfterCompletion: 1,
    reportDueInNextFiscalYear: { month: 4, day: 10 },
  },
};
