import type { ApplicationPlan } from '@l10k/domain';

export interface PlanSketch {
  readonly grant?: number;
  readonly projectTitle?: string;
  readonly businessName?: string;
}

/**
 * A complete FY2025 national-track plan that passes every funding rule (the API tests'
 * worked example): grant G + a 30,000,000 yen regional loan + own funds = 60,000,000 yen of facility.
 */
export function realisticPlan(sketch: PlanSketch = {}): ApplicationPlan {
  const grant = sketch.grant ?? 20_000_000;
  return {
    business: { name: sketch.businessName ?? '株式会社とおの醸造', corporateNumber: '1234567890123' },
    projectTitle: sketch.projectTitle ?? '地元産ホップのクラフトビール醸造所',
    summary: '遠野産ホップを使った醸造所の新設',
    municipality: { disadvantagedArea: true, fiscalStrengthIndex: '0.21' },
    costs: [{ category: 'facility', amount: 60_000_000, description: '醸造所の改修' }],
    funding: {
      grant,
      loan: { amount: 30_000_000, lenderType: 'shinkin_bank', lenderName: '遠野信用金庫', secured: false },
      ownFunds: 60_000_000 - 30_000_000 - grant,
    },
    priorityCategories: [],
    schedule: { start: '2025-07-01', completion: '2026-03-31' },
  };
}
