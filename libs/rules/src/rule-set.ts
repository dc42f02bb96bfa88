import { Fraction } from './fraction';
import { CostCategory, LenderType, PriorityCategory, Track } from './plan';
import { ReviewRequirement } from './review-requirement';

/** Rule 2: the grant cap that applies when the financing multiple L / G is at least `multipleAtLeast`. */
export interface CapBand {
  readonly multipleAtLeast: Fraction;
  /** Integer yen. */
  readonly cap: number;
}

/** The raised national rate for a disadvantaged area whose fiscal strength index is below a threshold. */
export interface DisadvantagedAreaRate {
  readonly fiscalStrengthBelow: Fraction;
  readonly rate: Fraction;
  /** The reason shown in `subsidyRate.basis` when this rate is chosen. */
  readonly basis: string;
}

/** Rule 4 on a track with a national subsidy. */
export interface NationalSubsidyRates {
  readonly base: Fraction;
  /** Lowest threshold first: an area takes the first band its index is below. */
  readonly disadvantagedArea: readonly DisadvantagedAreaRate[];
  /**
   * Whether a prefecture may take a disadvantaged-area rate. The seeds grant them to
   * 「条件不利地域かつ財政力の弱い市町村」 only, so a prefecture gets the base rate.
   */
  readonly disadvantagedAreaForPrefectures: boolean;
  /** The raised rate of each priority category; only categories the year offers. */
  readonly priorityCategories: Readonly<Partial<Record<PriorityCategory, Fraction>>>;
}

export interface Truncation {
  readonly method: 'truncate';
  /** 1 = to the yen, 1000 = to the thousand yen. */
  readonly unit: number;
}

/** Rule 5: how G splits into N + T + M. */
export interface ShareRounding {
  readonly nationalShare: Truncation;
  readonly specialTaxShare: Truncation;
  /** M = G − N − T, so the shares always add up to G. */
  readonly municipalShare: 'remainder';
}

/** Everything that differs between the national and the local track. */
export interface TrackRules {
  /** Whether a prefecture (code digits 3–5 `000`) may use the track; `track_available` otherwise. */
  readonly openToPrefectures: boolean;
  readonly eligibleCostCategories: readonly CostCategory[];
  /** The lender types whose loan or equity investment counts as L. */
  readonly eligibleLenderTypes: readonly LenderType[];
  /**
   * Local track (「融資、クラウドファンディング等」): some outside financing must exist, L > 0
   * from an eligible type (`outside_financing_present`, which then stands in for
   * `lender_eligible`). Off on the national track, where rule 1 already demands L ≥ G.
   */
  readonly outsideFinancingRequired: boolean;
  /** Rule 1, L ≥ G. */
  readonly loanAtLeastGrant: boolean;
  /** Whether a secured loan without a stated reason is a `loan_unsecured` warning. */
  readonly securedLoanWarns: boolean;
  /** Lowest multiple first; the first band starts at 0. */
  readonly capBands: readonly CapBand[];
  /** `null`: MIC pays nothing on this track (national share 0). */
  readonly nationalSubsidy: NationalSubsidyRates | null;
  /** 特別交付税 措置率 on what the municipality bears after the national share. */
  readonly specialTaxRate: Fraction;
  readonly reviewRequirements: readonly ReviewRequirement[];
}

/** Every year offers the national track; the local one exists from FY2024. */
export interface RuleSetTracks extends Readonly<Partial<Record<Track, TrackRules>>> {
  readonly national: TrackRules;
}

/** One fiscal year's funding rules, as data: what `GET /v1/rule-sets/{id}` shows. */
export interface RuleSet {
  /** `FY2025-v1`; recorded in every event that used it, so never reused for other figures. */
  readonly id: string;
  readonly fiscalYear: number;
  /** The tracks offered this year, each with its rules. */
  readonly tracks: RuleSetTracks;
  /** The priority categories a plan may claim this year. */
  readonly priorityCategories: readonly PriorityCategory[];
  readonly rounding: ShareRounding;
  readonly minimumReviewers: number;
  /** Decision target = round deadline + this many days. */
  readonly decisionLeadDays: number;
  /** Longest project, start to completion (rule 7). */
  readonly maxDurationMonths: number;
  /** The grant's life after adoption (DOMAIN.md, "After adoption"). */
  readonly postAward: PostAwardRules;
}

/** Deadlines and thresholds of 交付申請 → 実績報告 (project decisions; the common 交付要綱 wording). */
export interface PostAwardRules {
  /** 交付申請 is due this many days after adoption. */
  readonly grantApplicationDays: number;
  /** A plan change is minor (軽微な変更) while no cost category moves by more than this share of its planned amount. */
  readonly minorChangeRatio: Fraction;
  /** 実績報告 is due this many months after completion … */
  readonly reportDueMonthsAfterCompletion: number;
  /** … or on this day of the next fiscal year (10 April), whichever is earlier. */
  readonly reportDueInNextFiscalYear: { readonly month: number; readonly day: number };
}
