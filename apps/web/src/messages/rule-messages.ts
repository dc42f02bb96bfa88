import { calendarDateReadings } from '../format/dates';
import { askForMissing, fieldLabel } from './field-labels';
import { LOCAL_REQUIREMENT_LABELS } from './labels';

/** What the API says about one field: `{ field, rule, message, figures? }` of a violation, warning or problem. */
export interface FieldIssue {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
  readonly figures?: Record<string, unknown>;
}

/** Japanese text per stable rule code (DOMAIN.md, "Rule codes"); the API's own English message otherwise. */
const RULE_MESSAGES: Record<string, (issue: FieldIssue) => string> = {
  plan_complete: (issue) => `「${fieldLabel(issue.field)}」${askForMissing(issue.field)}（提出に必要です）。`,
  grant_positive: () => '交付額は1円以上にしてください。',
  funding_matches_total_cost: () => '交付額・融資額・自己資金の合計が総事業費と一致していません。',
  loan_at_least_grant: () => '融資額（又は出資額）は交付額以上にしてください。',
  grant_within_cap: () => '交付額が融資倍率に応じた上限を超えています。',
  grant_within_half_of_eligible_cost: () => '交付額は対象経費の2分の1以下にしてください。',
  lender_eligible: () => 'この金融機関の種類は対象外です（地域金融機関等に限ります）。',
  loan_unsecured: () => '融資は無担保・無保証が原則です。担保・保証が必要な理由を記入してください。',
  cost_category_eligible: (issue) =>
    `${fieldLabel(issue.field)}はこの区分の対象経費ではないため、対象経費から除かれます。`,
  priority_category_available: () => 'この優先分野はこの年度にはないため、補助率の根拠になりません。',
  completion_within_period: () => '事業完了日が事業期間を超えています。年度を越える理由を記入してください。',
  intake_open: () => 'この年度の募集は締め切られています。',
  rule_set_available: (issue) =>
    `${typeof issue.figures?.fiscalYear === 'number' ? `${issue.figures.fiscalYear}年度` : 'この年度'}の交付要件（上限額・補助率など）がまだ定められていないため、この年度の申請は受け付けられません。`,
  track_available: () => 'この事業区分はこの年度・この団体では利用できません。',
  outside_financing_present: () =>
    '地方単独事業では、融資・出資・クラウドファンディング等の外部資金が必要です。',
  completion_after_decision: () => '事業完了日が採否決定予定日より前です。完了日を確認してください。',
  iso_instant: () => '日時の形式が正しくありません。',
  track_matches: () => 'この申請の事業区分（国庫補助事業・地方単独事業）では、この手続は行えません。',
  confirmation_not_in_future: (issue) =>
    `確認日に今日${typeof issue.figures?.today === 'string' ? `（${calendarDateReadings(issue.figures.today)[0]}）` : ''}より後の日付は入力できません。審査・確認を行った日を入力してください。`,
  assessment_complete: (issue) => `「${fieldLabel(issue.field)}」の判定とコメントを入力してください。`,
  assessment_applicable: (issue) => `「${fieldLabel(issue.field)}」は地方単独事業の要件ではありません。`,
  // The forms' own checks of what is typed, before anything is sent (plan-form.ts typingIssues, the officer's forms).
  fiscal_strength_index_typed: () =>
    '財政力指数は小数第2位までの数で入力してください（例：0.21）。正しく入力されるまで、この欄は保存されません。',
  corporate_number_typed: () =>
    '法人番号は13桁の数字で入力してください。13桁になるまで、この欄は保存されません。',
  budget_amount_typed: () => '国費の予算額は0以上の整数（円）で入力してください。',
  approved_grant_typed: () => '採択額（交付額）は1円以上の整数（円）で入力してください。',
  // A local government's code (the sign-in's and the API's own checks: auth/dto/is-local-government-code.ts).
  local_government_code_typed: () => '団体コードは6桁の半角数字で入力してください（例：032077）。',
  // Six digits reach the API (the sign-in checks that much first): its refusal is the check digit.
  local_government_code: () =>
    '団体コードが正しくありません。6桁目（検査数字）まで確かめてください（例：032077）。',
  local_government_exists: () => '団体コードに該当する団体がありません。団体名で探すこともできます。',
  local_requirement_met: (issue) => {
    const requirement = issue.field.replace(/^localConfirmation\.assessments\./, '');
    return `地域での確認で「${LOCAL_REQUIREMENT_LABELS[requirement] ?? requirement}」を満たさないと判定されているため、報告できません。`;
  },
};

/** The messages at one field, worded as the error summary words them: the same sentence in both places. */
export const issueMessagesAt = (issues: readonly FieldIssue[], field: string): string[] =>
  issues.filter((issue) => issue.field === field).map(issueMessage);

/** Checks on the request itself (400), by class-validator's rule as the API names it (snake_case): completes "「field」…". */
export const INPUT_RULE_MESSAGES: Readonly<Record<string, string>> = {
  is_int: 'は整数（円単位）で入力してください。',
  min: 'が小さすぎます（下限を下回っています）。',
  max: 'が大きすぎます。',
  is_number: 'は数値で入力してください。',
  is_not_empty: 'を入力してください。',
  is_defined: 'を入力してください。',
  is_string: 'を入力してください。',
  max_length: 'が長すぎます。',
  is_calendar_date: 'は正しい日付（年・月・日）で入力してください。',
  is_in: 'を選択肢から選んでください。',
  array_min_size: 'を1行以上入力してください。',
  matches: 'の形式が正しくありません。',
};

export function issueMessage(issue: FieldIssue): string {
  const known = RULE_MESSAGES[issue.rule];
  if (known) return known(issue);
  // Left empty: a choice asks to be chosen (新規性の判定を選んでください), a text to be typed.
  if (issue.rule === 'is_not_empty' || issue.rule === 'is_defined')
    return `${fieldLabel(issue.field)}${askForMissing(issue.field)}。`;
  const input = INPUT_RULE_MESSAGES[issue.rule];
  if (input) return `${fieldLabel(issue.field)}${input}`;
  return `${fieldLabel(issue.field)}: ${issue.message}`;
}
