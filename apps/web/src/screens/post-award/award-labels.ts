/** Japanese words for the award's enum values (DOMAIN.md, "After adoption"). */
export const LIMITED_BY_LABELS: Record<string, string> = {
  decided_grant: '交付決定額',
  grant_paid: '自治体が事業者に実際に交付した額',
  grant_within_half_of_eligible_cost: '実績の対象経費の2分の1',
  loan_at_least_grant: '実績の融資額（交付額は融資額以下）',
  grant_within_cap: '実績の融資倍率に応じた上限',
  officer_reduction: '担当官による減額',
};

export const CHANGE_KIND_LABELS: Record<string, string> = {
  minor: '軽微な変更（届出）',
  change: '計画変更（承認が必要）',
  abandonment: '中止・廃止',
};

export const CHANGE_OUTCOME_LABELS: Record<string, string> = {
  notified: '届出済み（反映済み）',
  pending: '承認待ち',
  approved: '承認',
  refused: '不承認',
};

export const CHANGE_GROUND_LABELS: Record<string, string> = {
  cost_category_moved: '経費区分の金額が20%を超えて変わる（又は区分が増減する）',
  completion_leaves_fiscal_year: '完了日が年度を越える',
  business_changed: '事業者が変わる',
  purpose_changed: '事業の目的が変わる',
};

export const DUE_KIND_LABELS: Record<string, string> = {
  grant_application: '交付申請',
  performance_report: '実績報告',
};

/** What an award in each status waits on from the programme officer: no due date, the officer's own step. */
export const OFFICER_STEP_LABELS: Record<string, string> = {
  grant_applied: '交付決定',
  change_requested: '計画変更の承認',
  reported: '額の確定',
  amount_confirmed: '支払',
};

/** The award's path, in order; each status reached marks its step done. */
export const AWARD_STEPS = [
  { status: 'adopted', label: '採択' },
  { status: 'grant_applied', label: '交付申請' },
  { status: 'grant_decided', label: '交付決定' },
  { status: 'reported', label: '実績報告' },
  { status: 'amount_confirmed', label: '額の確定' },
  { status: 'paid', label: '支払（精算払）' },
] as const;

/** The statuses of an adopted application on its way to payment (or abandonment). */
export const AWARD_STATUSES = [
  'adopted',
  'grant_applied',
  'grant_decided',
  'change_requested',
  'reported',
  'amount_confirmed',
  'paid',
  'abandoned',
] as const;
