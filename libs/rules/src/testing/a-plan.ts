import { CostItem, FinancingForm, FundingPlan, LenderType, PriorityCategory, Schedule, Track } from '../plan';
import { fresh } from '../fresh-object';

export interface PlanSketch {
  readonly fiscalYear?: number;
  readonly track?: Track;
  readonly grant: number;
  readonly loan: number;
  readonly ownFunds?: number;
  readonly lenderType?: LenderType;
  readonly form?: FinancingForm;
  readonly secured?: boolean;
  readonly securedReason?: string;
  /** Defaults to one `facility` item of G + L + S, so the sources match the total. */
  readonly costs?: readonly CostItem[];
  /** The local-government code; absent by default, as in a calculator question without one. */
  readonly municipalityCode?: string;
  readonly disadvantagedArea?: boolean;
  readonly fiscalStrengthIndex?: string;
  readonly priorityCategories?: readonly PriorityCategory[];
  readonly schedule?: Schedule;
}

/** A complete plan from the few figures a spec cares about; everything else is neutral (FY2025, national, base rate). */
export function aPlan(sketch: PlanSketch): FundingPlan {
  const ownFunds = sketch.ownFunds ?? 0;
  return {
    fiscalYear: sketch.fiscalYear ?? 2025,
    track: sketch.track,
    municipality: {
      ...fresh,
      ...(sketch.municipalityCode !== undefined ? { code: sketch.municipalityCode } : {}),
      disadvantagedArea: sketch.disadvantagedArea ?? false,
      fiscalStrengthIndex: sketch.fiscalStrengthIndex ?? '0.6',
    },
    costs: sketch.costs ?? [{ category: 'facility', amount: sketch.grant + sketch.loan + ownFunds }],
    funding: {
      grant: sketch.grant,
      loan: {
        amount: sketch.loan,
        lenderType: sketch.lenderType ?? 'regional_bank',
        ...(sketch.form !== undefined ? { form: sketch.form } : {}),
        secured: sketch.secured,
        securedReason: sketch.securedReason,
      },
      ownFunds,
    },
    priorityCategories: sketch.priorityCategories ?? [],
    schedule: sketch.schedule,
  };
}
