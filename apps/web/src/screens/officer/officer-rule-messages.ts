import { formatYen } from '../../format/money';
import type { FieldIssue } from '../../messages/rule-messages';
import { issueMessage } from '../../messages/rule-messages';
import { label, REQUIREMENT_LABELS } from '../../messages/labels';

const figure = (issue: FieldIssue, name: string): number => {
  const value = issue.figures?.[name];
  return typeof value === 'number' ? value : NaN;
};
const yen = (issue: FieldIssue, name: string) => formatYen(figure(issue, name));

/**
 * What the officer can do: adopt lower (at most the grant the decider found to fit, said to be
 * the largest whose share fits: an odd figure such as 10,667,999円 follows from the rate and the
 * share's rounding), or raise the budget.
 */
const overBudgetRemedy = (issue: FieldIssue): string =>
  typeof issue.figures?.largestGrantWithinBudget === 'number'
    ? `採択額を${yen(issue, 'largestGrantWithinBudget')}以下（国費が予算の残額${yen(issue, 'remaining')}に収まる最大の採択額）に減らすか、年度の予算額を見直してください。`
    : '年度の予算額を見直してください。';

/**
 * Why an adoption or a budget was refused, in words and with the figures (the deciders' rule
 * codes: libs/domain review-verdict, budget-violation, set-budget); any other rule reads as the
 * form's messages do.
 */
const DECISION_RULES: Record<string, (issue: FieldIssue) => string> = {
  minimum_reviews: (issue) =>
    `定足数に達していません：採択には利益相反のない審査員による審査結果が${figure(issue, 'minimumReviewers')}件必要ですが、${figure(issue, 'reviews')}件です。`,
  majority_on_every_requirement: (issue) =>
    `過半数に達していません：「${label(REQUIREMENT_LABELS, issue.field.replace(/^assessments\./, ''))}」を満たすと判断した審査結果は${figure(issue, 'reviews')}件中${figure(issue, 'met')}件です（すべての要件で過半数が必要です）。`,
  budget: (issue) =>
    issue.field === 'nationalBudget'
      ? `予算額${yen(issue, 'nationalBudget')}は、採択で確保済みの国費${yen(issue, 'committed')}を下回るため設定できません。`
      : `予算が足りません：国費（交付金）${yen(issue, 'nationalShare')}に対し、この年度の予算の残額は${yen(issue, 'remaining')}です（予算額${yen(issue, 'nationalBudget')}、確保済み${yen(issue, 'committed')}）。${overBudgetRemedy(issue)}`,
  approved_grant_within_request: (issue) =>
    `採択額${yen(issue, 'approvedGrant')}が申請された交付額${yen(issue, 'requestedGrant')}を超えています。採択額は申請額以下にしてください。`,
  approved_grant_positive: () => '採択額は1円以上にしてください。',
};

export function officerIssueMessage(issue: FieldIssue): string {
  return DECISION_RULES[issue.rule]?.(issue) ?? issueMessage(issue);
}
