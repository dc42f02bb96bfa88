import { fieldId, fieldLabel } from '../messages/field-labels';
import { issueMessage, type FieldIssue } from '../messages/rule-messages';
import { IssueSummary } from './issue-summary';

/** The field's name first, unless the message already names it (「事業名」を入力してください). */
function summaryLine(issue: FieldIssue): string {
  const message = issueMessage(issue);
  const label = fieldLabel(issue.field);
  return message.includes(`「${label}」`) || message.startsWith(label) ? message : `${label}：${message}`;
}

/** The error summary for the API's field issues, worded from their rule codes. */
export function ErrorSummary({
  title,
  issues,
  refusal,
}: {
  title: string;
  issues: readonly FieldIssue[];
  /** See IssueSummary: new for each refusal, the same across redraws. */
  refusal?: object;
}) {
  return (
    <IssueSummary
      title={title}
      items={issues.map((issue) => ({ fieldId: fieldId(issue.field), text: summaryLine(issue) }))}
      refusal={refusal}
    />
  );
}
