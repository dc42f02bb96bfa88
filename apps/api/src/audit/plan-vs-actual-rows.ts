import type { AmountConfirmed, PlanVsActual } from '@l10k/domain';
import { municipalityLabel } from '@l10k/rules';
import { csvField } from './export-line';

type Confirmation = AmountConfirmed['data'];

const FIGURES: readonly [keyof Omit<PlanVsActual, 'completion' | 'costsByCategory'>, string][] = [
  ['totalCost', '総事業費'],
  ['eligibleCost', '交付対象経費'],
  ['loan', '融資・出資'],
  ['ownFunds', '自己資金'],
  ['grant', '交付額'],
  ['nationalShare', '国費'],
  ['specialTaxShare', '特別交付税'],
  ['municipalShare', '市町村負担'],
];

/** The plan-vs-actual sheet: one row per confirmed application, planned beside actual for every figure. */
export const PLAN_VS_ACTUAL_HEADER = [
  '申請ID',
  '団体',
  ...FIGURES.flatMap(([, label]) => [`${label}(計画)`, `${label}(実績)`]),
  '完了日(計画)',
  '完了日(実績)',
  '交付決定額',
  '支払った交付額',
  '実績で可能な最大交付額',
  '確定額',
  '確定額を定めた規則',
  '確定国費',
  '返還額',
  '確定日時',
];

export function planVsActualLine(municipalityCode: string | undefined, confirmation: Confirmation): string {
  const { planVsActual } = confirmation;
  const cells = [
    confirmation.applicationId,
    municipalityCode === undefined ? '' : municipalityLabel(municipalityCode),
    ...FIGURES.flatMap(([figure]) => [planVsActual[figure].planned, planVsActual[figure].actual]),
    planVsActual.completion.planned,
    planVsActual.completion.actual,
    confirmation.decidedGrant,
    confirmation.grantPaid,
    confirmation.largestAllowed,
    confirmation.confirmedGrant,
    confirmation.limitedBy,
    confirmation.funding.nationalShare,
    confirmation.refundDue,
    confirmation.confirmedAt,
  ];
  return `${cells.map(csvField).join(',')}\r\n`;
}
