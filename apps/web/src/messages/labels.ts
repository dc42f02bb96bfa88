/** Japanese names for the API's enum values (DOMAIN.md). An unknown value shows as itself. */
export const STATUS_LABELS: Record<string, string> = {
  draft: '下書き',
  submitted: '提出済み',
  under_review: '審査中',
  revision_requested: '修正依頼',
  adopted: '採択',
  rejected: '不採択',
  withdrawn: '取下げ',
  grant_applied: '交付申請済み',
  grant_decided: '交付決定',
  change_requested: '計画変更申請中',
  reported: '実績報告済み',
  amount_confirmed: '額の確定済み',
  paid: '支払済み',
  abandoned: '中止・廃止',
  locally_confirmed: '自治体確認済み',
  reported_to_mic: '総務省へ報告済み',
  acknowledged: '受理',
  returned: '差戻し',
};

export const COST_CATEGORY_LABELS: Record<string, string> = {
  facility: '施設整備・改修費',
  machinery: '機械装置費',
  equipment: '備品費',
  advertising: '広告宣伝費',
  product_development: '商品開発費',
  other: 'その他',
};

export const LENDER_TYPE_LABELS: Record<string, string> = {
  regional_bank: '地方銀行（第一地方銀行）',
  second_regional_bank: '第二地方銀行',
  shinkin_bank: '信用金庫',
  credit_cooperative: '信用組合',
  jfc: '日本政策金融公庫',
  okinawa_dfc: '沖縄振興開発金融公庫',
  municipality_furusato: 'ふるさと融資（地方公共団体）',
  city_bank: '都市銀行',
  agricultural_cooperative: '農業協同組合',
  crowdfunding: 'クラウドファンディング',
  other: 'その他',
};

export const PRIORITY_LABELS: Record<string, string> = {
  digital: 'デジタル技術活用',
  decarbonization: 'ローカル脱炭素・地域再エネ',
  women_youth: '女性・若者活躍',
};

export const TRACK_LABELS: Record<string, string> = {
  national: '国庫補助事業',
  local: '地方単独事業',
};

export const ROLE_LABELS: Record<string, string> = {
  municipality: '自治体担当者',
  reviewer: '有識者審査員',
  program_officer: '総務省 担当官',
  auditor: '監査担当',
};

export const REQUIREMENT_LABELS: Record<string, string> = {
  local_resources: '地域密着型・地域資源の活用',
  public_challenge: '地域課題への対応',
  regional_financing: '地域金融機関等による融資',
  novelty: '新規性',
  model_case: 'モデル性',
};

/** The local track's four requirements (no モデル性); ③ reads 融資・クラウドファンディング等 there. */
export const LOCAL_REQUIREMENT_LABELS: Record<string, string> = {
  local_resources: REQUIREMENT_LABELS.local_resources,
  public_challenge: REQUIREMENT_LABELS.public_challenge,
  regional_financing: '融資・クラウドファンディング等',
  novelty: REQUIREMENT_LABELS.novelty,
};

/** A requirement judged met or not, as a reviewer or a local confirmation records it. */
export const verdictLabel = (met: boolean): string => (met ? '満たす' : '満たさない');

/** The two verdicts as a form offers them. */
export const VERDICT_CHOICES = [
  { value: 'met', label: verdictLabel(true) },
  { value: 'unmet', label: verdictLabel(false) },
] as const;

export const RECOMMENDATION_LABELS: Record<string, string> = {
  adopt: '採択を推薦',
  reject: '不採択を推薦',
  revise: '修正を求める',
};

/** 補助率の根拠 (subsidyRate.basis). */
export const RATE_BASIS_LABELS: Record<string, string> = {
  base: '原則',
  'disadvantaged_area_fsi_below_0.25': '条件不利地域・財政力指数0.25未満',
  'disadvantaged_area_fsi_below_0.5': '条件不利地域・財政力指数0.25以上0.5未満',
  no_national_subsidy: '国庫補助なし（地方単独事業）',
  decarbonization: 'ローカル脱炭素・地域再エネ',
  digital: 'デジタル技術活用',
  women_youth: '女性・若者活躍',
};

/** Every domain event type (libs/domain eventSchemaVersions), as the audit timeline names it. */
export const EVENT_TYPE_LABELS: Record<string, string> = {
  ApplicationCreated: '申請の作成（下書き）',
  ApplicationPlanReplaced: '事業計画の保存',
  ApplicationSubmitted: '申請の提出',
  ApplicationResubmitted: '申請の再提出',
  ApplicationWithdrawn: '申請の取下げ',
  ReviewerAssigned: '審査員の割当て',
  ConflictOfInterestDeclared: '利益相反の申告',
  ReviewSubmitted: '審査結果の提出',
  RevisionRequested: '修正依頼',
  ApplicationAdopted: '採択',
  ApplicationRejected: '不採択',
  GrantApplied: '交付申請',
  GrantDecided: '交付決定',
  PlanChangeNotified: '軽微な計画変更の届出',
  PlanChangeRequested: '計画変更・中止の承認申請',
  PlanChangeApproved: '計画変更・中止の承認',
  PlanChangeRefused: '計画変更・中止の不承認',
  PerformanceReported: '実績報告',
  AmountConfirmed: '額の確定',
  PaymentRecorded: '支払の記録',
  DocumentAttached: '書類の添付',
  LocalConfirmationRecorded: '地方単独事業の確認の記録',
  ReportedToMic: '総務省への報告',
  MicReportAcknowledged: '総務省による受理',
  MicReportReturned: '総務省による差戻し',
  FiscalYearBudgetSet: '年度予算の設定',
  NationalShareCommitted: '国費の確保（採択）',
  NationalShareDecided: '国費の交付決定',
  NationalShareConfirmed: '国費の額の確定',
  NationalShareReleased: '国費の戻し入れ',
  NationalSharePaid: '国費の支払',
};

/** Why a hash chain failed verification (POST /v1/audit/verifications). */
export const INTEGRITY_FAILURE_LABELS: Record<string, string> = {
  hash_mismatch: '記録の内容がハッシュ値と一致しません（内容が書き換えられています）',
  prev_hash_mismatch: '直前の記録のハッシュ値とつながっていません',
  revision_gap: '版の番号が抜けているか、順序が入れ替わっています',
  head_mismatch: '記録されているはずの最後の記録と一致しません（記録が削除されています）',
};

export function label(labels: Record<string, string>, value: string): string {
  return labels[value] ?? value;
}

/**
 * A rule set as people name it: FY2025-v1 → 2025年度 交付要件（第1版）, with （暫定） when the
 * year's own rules were not yet set and the latest ones stood in. Another id shows as itself.
 */
export function ruleSetName(ruleSetId: string, provisional = false): string {
  const match = /^FY(\d{4})-v(\d+)$/.exec(ruleSetId);
  const name = match ? `${match[1]}年度 交付要件（第${Number(match[2])}版）` : ruleSetId;
  return provisional ? `${name}（暫定）` : name;
}
