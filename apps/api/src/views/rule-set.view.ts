import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COST_CATEGORIES,
  LENDER_TYPES,
  PRIORITY_CATEGORIES,
  REVIEW_REQUIREMENTS,
  type Fraction,
  type RuleSet,
  type TrackRules,
  type Truncation,
} from '@l10k/rules';

/** An exact rate or threshold: rules never hold floating point. */
export class FractionView {
  @ApiProperty({ type: 'integer', example: 3 }) numerator: number;
  @ApiProperty({ type: 'integer', example: 4 }) denominator: number;
}

/** Rule 2: the cap that applies once the financing multiple L / G reaches `multipleAtLeast`. */
export class CapBandView {
  @ApiProperty({ type: FractionView }) multipleAtLeast: FractionView;
  @ApiProperty({ type: 'integer', example: 35_000_000, description: 'Yen' }) cap: number;
}

/** The raised national rate of a disadvantaged area whose fiscal strength index is below a threshold. */
export class DisadvantagedAreaRateView {
  @ApiProperty({ type: FractionView }) fiscalStrengthBelow: FractionView;
  @ApiProperty({ type: FractionView }) rate: FractionView;
  @ApiProperty({ example: 'disadvantaged_area_fsi_below_0.25', description: 'As in `subsidyRate.basis`' })
  basis: string;
}

/** The raised rate of each priority category the year offers; absent: not offered. */
export class PriorityCategoryRatesView {
  @ApiPropertyOptional({ type: FractionView }) digital?: FractionView;
  @ApiPropertyOptional({ type: FractionView }) decarbonization?: FractionView;
  @ApiPropertyOptional({ type: FractionView }) women_youth?: FractionView;
}

/** Rule 4 on a track with a national subsidy. */
export class NationalSubsidyRatesView {
  @ApiProperty({ type: FractionView }) base: FractionView;
  @ApiProperty({ type: [DisadvantagedAreaRateView], description: 'Lowest threshold first' })
  disadvantagedArea: DisadvantagedAreaRateView[];
  @ApiProperty({ description: 'Whether a prefecture may take a disadvantaged-area rate' })
  disadvantagedAreaForPrefectures: boolean;
  @ApiProperty({ type: PriorityCategoryRatesView }) priorityCategories: PriorityCategoryRatesView;
}

/** What one track (national or local) demands and pays. */
export class TrackRulesView {
  @ApiProperty() openToPrefectures: boolean;
  @ApiProperty({ enum: COST_CATEGORIES, isArray: true }) eligibleCostCategories: string[];
  @ApiProperty({
    enum: LENDER_TYPES,
    isArray: true,
    description: 'The lender types whose loan or equity investment counts as outside financing (L)',
  })
  eligibleLenderTypes: string[];
  @ApiProperty({ description: 'Some outside financing (L > 0) must exist: the local track' })
  outsideFinancingRequired: boolean;
  @ApiProperty({ description: 'Rule 1, L ≥ G: the national track' }) loanAtLeastGrant: boolean;
  @ApiProperty({ description: 'Whether a secured loan without a stated reason is warned of' })
  securedLoanWarns: boolean;
  @ApiProperty({ type: [CapBandView], description: 'Lowest multiple first' }) capBands: CapBandView[];
  @ApiProperty({
    type: NationalSubsidyRatesView,
    nullable: true,
    description: 'null: MIC pays nothing on this track',
  })
  nationalSubsidy: NationalSubsidyRatesView | null;
  @ApiProperty({ type: FractionView, description: '特別交付税 措置率' }) specialTaxRate: FractionView;
  @ApiProperty({ enum: REVIEW_REQUIREMENTS, isArray: true }) reviewRequirements: string[];
}

export class RuleSetTracksView {
  @ApiProperty({ type: TrackRulesView }) national: TrackRulesView;
  @ApiProperty({ type: TrackRulesView, nullable: true, description: 'null before FY2024' })
  local: TrackRulesView | null;
}

export class TruncationView {
  @ApiProperty({ enum: ['truncate'] }) method: string;
  @ApiProperty({ type: 'integer', example: 1000, description: '1: to the yen; 1000: to the thousand yen' })
  unit: number;
}

/** Rule 5: how the grant splits into the national, special-tax and municipal shares. */
export class ShareRoundingView {
  @ApiProperty({ type: TruncationView }) nationalShare: TruncationView;
  @ApiProperty({ type: TruncationView }) specialTaxShare: TruncationView;
  @ApiProperty({ enum: ['remainder'] }) municipalShare: string;
}

export class MonthDayView {
  @ApiProperty({ type: 'integer', example: 4 }) month: number;
  @ApiProperty({ type: 'integer', example: 10 }) day: number;
}

/** Deadlines and thresholds after adoption (交付申請 → 実績報告). */
export class PostAwardRulesView {
  @ApiProperty({ type: 'integer', description: '交付申請 is due this many days after adoption' })
  grantApplicationDays: number;
  @ApiProperty({
    type: FractionView,
    description: 'A plan change is minor while no cost category moves by more than this share',
  })
  minorChangeRatio: FractionView;
  @ApiProperty({ type: 'integer', description: '実績報告 is due this many months after completion …' })
  reportDueMonthsAfterCompletion: number;
  @ApiProperty({ type: MonthDayView, description: '… or on this day of the next fiscal year, if earlier' })
  reportDueInNextFiscalYear: MonthDayView;
}

/** One fiscal year's rules as data; its id is recorded in every event that used it. */
export class RuleSetView {
  @ApiProperty({ example: 'FY2025-v1' }) id: string;
  @ApiProperty({ type: 'integer', example: 2025 }) fiscalYear: number;
  @ApiProperty({ type: RuleSetTracksView }) tracks: RuleSetTracksView;
  @ApiProperty({ enum: PRIORITY_CATEGORIES, isArray: true, description: 'What a plan may claim this year' })
  priorityCategories: string[];
  @ApiProperty({ type: ShareRoundingView }) rounding: ShareRoundingView;
  @ApiProperty({ type: 'integer' }) minimumReviewers: number;
  @ApiProperty({ type: 'integer', description: 'Decision due = round deadline + this many days' })
  decisionLeadDays: number;
  @ApiProperty({ type: 'integer', description: 'Longest project, start to completion' })
  maxDurationMonths: number;
  @ApiProperty({ type: PostAwardRulesView }) postAward: PostAwardRulesView;
}

export class RuleSetsPageView {
  @ApiProperty({ type: [RuleSetView], description: 'Oldest first' }) items: RuleSetView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor: string | null;
}

const fractionView = ({ numerator, denominator }: Fraction): FractionView => ({ numerator, denominator });

const truncationView = ({ method, unit }: Truncation): TruncationView => ({ method, unit });

function trackRulesView(rules: TrackRules): TrackRulesView {
  const subsidy = rules.nationalSubsidy;
  const priorityRates: PriorityCategoryRatesView = {};
  for (const category of PRIORITY_CATEGORIES) {
    const rate = subsidy?.priorityCategories[category];
    if (rate) priorityRates[category] = fractionView(rate);
  }
  return {
    openToPrefectures: rules.openToPrefectures,
    eligibleCostCategories: [...rules.eligibleCostCategories],
    eligibleLenderTypes: [...rules.eligibleLenderTypes],
    outsideFinancingRequired: rules.outsideFinancingRequired,
    loanAtLeastGrant: rules.loanAtLeastGrant,
    securedLoanWarns: rules.securedLoanWarns,
    capBands: rules.capBands.map((band) => ({
      multipleAtLeast: fractionView(band.multipleAtLeast),
      cap: band.cap,
    })),
    nationalSubsidy: subsidy && {
      base: fractionView(subsidy.base),
      disadvantagedArea: subsidy.disadvantagedArea.map((area) => ({
        fiscalStrengthBelow: fractionView(area.fiscalStrengthBelow),
        rate: fractionView(area.rate),
        basis: area.basis,
      })),
      disadvantagedAreaForPrefectures: subsidy.disadvantagedAreaForPrefectures,
      priorityCategories: priorityRates,
    },
    specialTaxRate: fractionView(rules.specialTaxRate),
    reviewRequirements: [...rules.reviewRequirements],
  };
}

export function ruleSetView(ruleSet: RuleSet): RuleSetView {
  const { postAward } = ruleSet;
  return {
    id: ruleSet.id,
    fiscalYear: ruleSet.fiscalYear,
    tracks: {
      national: trackRulesView(ruleSet.tracks.national),
      local: ruleSet.tracks.local ? trackRulesView(ruleSet.tracks.local) : null,
    },
    priorityCategories: [...ruleSet.priorityCategories],
    rounding: {
      nationalShare: truncationView(ruleSet.rounding.nationalShare),
      specialTaxShare: truncationView(ruleSet.rounding.specialTaxShare),
      municipalShare: ruleSet.rounding.municipalShare,
    },
    minimumReviewers: ruleSet.minimumReviewers,
    decisionLeadDays: ruleSet.decisionLeadDays,
    maxDurationMonths: ruleSet.maxDurationMonths,
    postAward: {
      grantApplicationDays: postAward.grantApplicationDays,
      minorChangeRatio: fractionView(postAward.minorChangeRatio),
      reportDueMonthsAfterCompletion: postAward.reportDueMonthsAfterCompletion,
      reportDueInNextFiscalYear: {
        month: postAward.reportDueInNextFiscalYear.month,
        day: postAward.reportDueInNextFiscalYear.day,
      },
    },
  };
}
