import { problemHeadline, type Problem } from '../../api/problems';
import { fieldId as planFieldId, fieldLabel as planFieldLabel } from '../../messages/field-labels';
import { INPUT_RULE_MESSAGES, issueMessage, type FieldIssue } from '../../messages/rule-messages';
import { formatYen } from '../../format/money';
import { summaryText, type SummaryItem } from '../../ui/summary-item';

/** One form's fields: the API's field path → the input's id and its label. */
export type FormFields = Record<string, { readonly id: string; readonly label: string }>;

const figure = (issue: FieldIssue, name: string) => {
  const value = issue.figures?.[name];
  return typeof value === 'number' ? formatYen(value) : undefined;
};

/** The refusals of the steps after adoption, in Japanese, per rule code. */
const AWARD_RULES: Record<string, (issue: FieldIssue) => string> = {
  grant_within_approved: () => '交付申請額は採択額以下にしてください。',
  grant_within_application: () => '交付決定額は交付申請額以下にしてください。',
  decided_grant_not_increased: () => '計画変更で交付額を交付決定額より増やすことはできません。',
  payment_within_confirmed_share: (issue) => {
    const { paid, confirmed } = issue.figures ?? {};
    const left = typeof paid === 'number' && typeof confirmed === 'number' ? confirmed - paid : undefined;
    return `支払額の合計が確定した国費（交付金）を超えます。${left !== undefined ? `支払える額は残り${formatYen(left)}です。` : ''}`;
  },
  confirmation_lower_than_computed: (issue) =>
    `減額する場合は、算定額${figure(issue, 'ceiling') ? `（${figure(issue, 'ceiling')}）` : ''}より低い額を入力してください。`,
  document_reference_valid: () =>
    '添付書類の受領情報（ファイル名・サイズ・SHA-256）が正しくありません。書類を選び直してください。',
  document_attached: () => 'この申請に提出済みの書類から選んでください。',
  grant_positive: () => '1円以上を入力してください。',
};

/** Whether a refusal (422) names one of the programme's requirements, not only an award step's amount limits. */
export const namesRequirement = (problem: Problem): boolean =>
  problem.errors.some((issue) => AWARD_RULES[issue.rule] === undefined);

/** The issue's field on this form: its own fields first, then a plan field (plan.costs[0].amount → the plan editor's input). */
function placeOf(issue: FieldIssue, fields: FormFields): { id: string; label: string } {
  const own = fields[issue.field] ?? (/^documents\[/.test(issue.field) ? fields.documents : undefined);
  if (own) return own;
  const planField = issue.field.replace(/^plan\./, '');
  const cost = /^(?:actualCosts)\[(\d+)\]\.?(\w*)$/.exec(issue.field);
  if (cost)
    return {
      id: `field-actualCosts-${cost[1]}-${cost[2] || 'amount'}`,
      label: `実績経費${Number(cost[1]) + 1}行目`,
    };
  return { id: planFieldId(planField), label: planFieldLabel(planField) };
}

export interface ShownIssue {
  readonly fieldId: string;
  readonly label: string;
  readonly message: string;
}

export function describeIssues(problem: Problem, fields: FormFields): ShownIssue[] {
  return problem.errors.map((issue) => {
    const place = placeOf(issue, fields);
    const award = AWARD_RULES[issue.rule];
    const input = INPUT_RULE_MESSAGES[issue.rule];
    const message = award
      ? award(issue)
      : input
        ? `${place.label}${input}`
        : issueMessage({ ...issue, field: issue.field.replace(/^plan\./, '') });
    return { fieldId: place.id, label: place.label, message };
  });
}

export const summaryItems = (issues: readonly ShownIssue[]): SummaryItem[] =>
  issues.map((issue) => ({
    fieldId: issue.fieldId,
    text: summaryText(issue.label, issue.message),
  }));

export const messagesAt = (issues: readonly ShownIssue[], id: string): string[] =>
  issues.filter((issue) => issue.fieldId === id).map((issue) => issue.message);

/** The summary's heading: what the API said when it refused for another reason than the input. */
export const summaryTitle = (problem: Problem | undefined): string =>
  problem && problem.status !== 400 && problem.status !== 422
    ? problemHeadline(problem)
    : '入力内容を確認してください';
