/**
 * The funding plan as the rules see it: the figures of an application (事業計画) that
 * the funding rules, the calculator and the decider read. Plain data, integer yen.
 */
export const TRACKS = ['national', 'local'] as const;
export type Track = (typeof TRACKS)[number];

export const COST_CATEGORIES = [
  'facility',
  'machinery',
  'equipment',
  'advertising',
  'product_development',
  'other',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const LENDER_TYPES = [
  'regional_bank',
  'second_regional_bank',
  'shinkin_bank',
  'credit_cooperative',
  // Not eligible on either track (DOMAIN.md, eligible lenders); kept so a plan can name it and be told so.
  'agricultural_cooperative',
  'jfc',
  'okinawa_dfc',
  'municipality_furusato',
  'crowdfunding',
  'city_bank',
  'other',
] as const;
export type LenderType = (typeof LENDER_TYPES)[number];

export const PRIORITY_CATEGORIES = ['digital', 'decarbonization', 'women_youth'] as const;
export type PriorityCategory = (typeof PRIORITY_CATEGORIES)[number];

export interface CostItem {
  readonly category: CostCategory;
  /** Integer yen, ≥ 0. */
  readonly amount: number;
  readonly description?: string;
}

/** 「融資額（又は出資額）」: the regional institution lends, or invests equity instead; both count alike. */
export const FINANCING_FORMS = ['loan', 'equity'] as const;
export type FinancingForm = (typeof FINANCING_FORMS)[number];

/** L: the outside financing. Named `loan` in plans and events; `form` says whether it is one. */
export interface Loan {
  /** Integer yen, ≥ 0. */
  readonly amount: number;
  /** Defaults to `loan`. An equity investment counts exactly like a loan for every rule. */
  readonly form?: FinancingForm;
  readonly lenderType: LenderType;
  readonly lenderName?: string;
  readonly secured?: boolean;
  /** Why a secured loan is needed; turns the `loan_unsecured` warning off. */
  readonly securedReason?: string;
}

export interface FundingSources {
  /** G: the public grant requested, integer yen. */
  readonly grant: number;
  /** L: the regional lender's loan or investment. */
  readonly loan: Loan;
  /** S: own funds, integer yen, may be 0. */
  readonly ownFunds: number;
}

export interface MunicipalityProfile {
  /**
   * The local-government code (全国地方公共団体コード). Tells a prefecture (digits 3–5 `000`)
   * from a 市町村: the disadvantaged-area rates and the local track are for 市町村 only.
   * Absent: the rules cannot tell, and treat the plan as a 市町村's.
   */
  readonly code?: string;
  readonly disadvantagedArea: boolean;
  /** 財政力指数 as an exact decimal string, e.g. "0.21" (never a float in a rule). */
  readonly fiscalStrengthIndex: string;
}

export interface Schedule {
  /** YYYY-MM-DD, Japan time. */
  readonly start: string;
  /** YYYY-MM-DD, Japan time. */
  readonly completion: string;
  /** Why the project completes after 31 March of its fiscal year (rule 7). */
  readonly extendedCompletionReason?: string;
}

/** Everything the funding rules need; a complete plan. */
export interface FundingPlan {
  readonly fiscalYear: number;
  /** Defaults to `national`. */
  readonly track?: Track;
  readonly municipality: MunicipalityProfile;
  readonly costs: readonly CostItem[];
  readonly funding: FundingSources;
  readonly priorityCategories: readonly PriorityCategory[];
  readonly schedule?: Schedule;
}
