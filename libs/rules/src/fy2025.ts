import { fraction } from './fraction';
import { RuleSet } from './rule-set';

const NATIONAL_LENDERS = [
  'regional_bank',
  'second_regional_bank',
  'shinkin_bank',
  'credit_cooperative',
  'jfc',
  'okinawa_dfc',
  'municipality_furusato',
] as const;

const CAP_BANDS = [
  { multipleAtLeast: fraction(0, 1), cap: 25_000_000 },
  { multipleAtLeast: fraction(3, 2), cap: 35_000_000 },
  { multipleAtLeast: fraction(2, 1), cap: 50_000_000 },
];

/**
 * 令和7年度 (FY2025). Both tracks; digital drops to 3/4 and women_youth (女性・若者活躍)
 * joins the priority categories at 3/4; projects of up to two years stay admitted.
 */
export const fy2025: RuleSet = {
  id: 'FY2025-v1',
  fiscalYear: 2025,
  tracks: {
    national: {
      openToPrefectures: true,
      eligibleCostCategories: ['facility', 'machinery', 'equipment'],
      eligibleLenderTypes: NATIONAL_LENDERS,
      outsideFinancingRequired: false,
      loanAtLeastGrant: true,
      securedLoanWarns: true,
      capBands: CAP_BANDS,
      nationalSubsidy: {
        base: fraction(1, 2),
        // The 0.5 upper bound comes from MIC's 2016 announcement, not the FY2025 material.
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
          digital: fraction(3, 4),
          decarbonization: fraction(3, 4),
          women_youth: fraction(3, 4),
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
    local: {
      // 「市町村の地方単独事業」: never a prefecture.
      openToPrefectures: false,
      eligibleCostCategories: ['facility', 'machinery', 'equipment', 'advertising', 'product_development'],
      // Project decision: the material says "loan, crowdfunding, etc.", so crowdfunding qualifies here.
      eligibleLenderTypes: [...NATIONAL_LENDERS, 'crowdfunding'],
      outsideFinancingRequired: true,
      loanAtLeastGrant: false,
      securedLoanWarns: false,
      // Project decision: the material gives no local caps; the national ones apply.
      capBands: CAP_BANDS,
      nationalSubsidy: null,
      specialTaxRate: fraction(1, 2),
      reviewRequirements: ['local_resources', 'public_challenge', 'regional_financing', 'novelty'],
    },
  },
  priorityCategories: ['digital', 'decarbonization', 'women_youth'],
  // Project decision: N to the thousand yen (千円未満切捨て), T to the yen, M the remainder.
  rounding: {
    nationalShare: { method: 'truncate', unit: 1_000 },
    specialTaxShare: { method: 'truncate', unit: 1 },
    municipalShare: 'remainder',
  },
  minimumReviewers: 2,
  // Project decision: "about a month and a half" after the deadline.
  decisionLeadDays: 42,
  // Since the FY2024 supplementary budget (令和6年度補正): projects of up to two years.
  maxDurationMonths: 24,
  postAward: {
    grantApplicationDays: 30,
    minorChangeRatio: fraction(1, 5),
    reportDueMonthsAfterCompletion: 1,
    reportDueInNextFiscalYear: { month: 4, day: 10 },
  },
};
