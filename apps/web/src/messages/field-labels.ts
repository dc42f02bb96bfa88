import { REQUIREMENT_LABELS } from './labels';

/** The form's field for an API field path, and its Japanese label. */
const FIELD_LABELS: Record<string, string> = {
  track: '事業の区分',
  projectTitle: '事業名',
  summary: '事業の概要',
  'municipality.disadvantagedArea': '条件不利地域',
  'municipality.fiscalStrengthIndex': '財政力指数',
  'business.name': '事業者名',
  'business.corporateNumber': '法人番号',
  costs: '経費',
  'funding.grant': '交付額（自治体による公費助成）',
  'funding.loan': '融資・出資',
  'funding.loan.amount': '融資額（又は出資額）',
  'funding.loan.form': '融資か出資か',
  'funding.loan.lenderType': '金融機関の種類',
  'funding.loan.lenderName': '金融機関名',
  'funding.loan.secured': '担保・保証',
  'funding.loan.securedReason': '担保・保証が必要な理由',
  'funding.ownFunds': '自己資金',
  priorityCategories: '優先分野',
  'schedule.start': '事業開始日',
  'schedule.completion': '事業完了日',
  'schedule.extendedCompletionReason': '年度を越える理由',
  fiscalYear: '年度',
  round: '募集回',
  reason: '理由',
  name: '氏名',
  municipalityCode: '団体コード',
  hasConflict: '利益相反の有無',
  detail: '利益相反の内容',
  recommendation: '総合評価',
  comment: '総合評価のコメント',
  reviewerId: '審査員ID',
  reviews: '審査結果の件数',
  approvedGrant: '採択額（交付額）',
  nationalShare: '国費（交付金）',
  nationalBudget: '国費の予算額',
  outcome: '判断',
};

const COST_FIELD_LABELS: Record<string, string> = {
  category: '経費区分',
  amount: '金額',
  description: '内容',
};

/** costs[1].amount → "経費2行目の金額"; priorityCategories[0] → 優先分野. */
export function fieldLabel(field: string): string {
  const cost = /^costs\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (cost)
    return `経費${Number(cost[1]) + 1}行目${cost[2] ? `の${COST_FIELD_LABELS[cost[2]] ?? cost[2]}` : ''}`;
  if (/^priorityCategories\[\d+\]$/.test(field)) return FIELD_LABELS.priorityCategories;
  const requirement = /^assessments\.(\w+)(?:\.(met|comment))?$/.exec(field);
  if (requirement) {
    const name = REQUIREMENT_LABELS[requirement[1]] ?? requirement[1];
    return requirement[2] === 'comment'
      ? `${name}のコメント`
      : requirement[2] === 'met'
        ? `${name}の判定`
        : name;
  }
  return FIELD_LABELS[field] ?? field;
}

/** Fields people fill in by choosing (a select, radio buttons or a checkbox), not by typing. */
const CHOICE_FIELDS = new Set([
  'track',
  'municipality.disadvantagedArea',
  'funding.loan.form',
  'funding.loan.lenderType',
  'funding.loan.secured',
  'hasConflict',
  'recommendation',
  'outcome',
]);

/** What a field left empty asks for: 「金融機関の種類」を選んでください, 「経費」を1行以上入力してください, 「事業名」を入力してください. */
export function askForMissing(field: string): string {
  if (CHOICE_FIELDS.has(field) || /^costs\[\d+\]\.category$|^assessments\.\w+\.met$/.test(field))
    return 'を選んでください';
  if (field === 'costs') return 'を1行以上入力してください';
  return 'を入力してください';
}

/** The HTML id of the input that edits an API field: funding.loan.amount → field-funding-loan-amount. */
export function fieldId(field: string): string {
  // A rule about the cost list as a whole points at its first line's amount.
  const normalised = /^priorityCategories\[\d+\]$/.test(field)
    ? 'priorityCategories'
    : field === 'costs'
      ? 'costs[0].amount'
      : field;
  return `field-${normalised.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}
