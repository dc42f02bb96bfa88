import { useEffect, useRef } from 'react';
import { fieldId, fieldLabel } from '../messages/field-labels';
import { issueMessage, type FieldIssue } from '../messages/rule-messages';

/** The field's name first, unless the message already names it (「事業名」を入力してください). */
function summaryLine(issue: FieldIssue): string {
  const message = issueMessage(issue);
  const label = fieldLabel(issue.field);
  return message.includes(`「${label}」`) || message.startsWith(label) ? message : `${label}：${message}`;
}

/**
 * The summary at the top of a form (Digital Agency pattern): takes focus when it appears, and
 * each entry links to its field.
 */
export function ErrorSummary({ title, issues }: { title: string; issues: readonly FieldIssue[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [title, issues]);
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{title}</h2>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue, index) => (
            <li key={`${issue.field}-${issue.rule}-${index}`}>
              <a
                href={`#${fieldId(issue.field)}`}
                onClick={(event) => {
                  const target = document.getElementById(fieldId(issue.field));
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }}
              >
                {summaryLine(issue)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
