import { fieldIssues } from '../../api/problems';
import { integer, record, text } from '../../api/read-fields';
import type { FieldIssue } from '../../messages/rule-messages';

/** What the edit screen reads from an application answer. */
export interface DraftModel {
  readonly status: string;
  readonly revision: number;
  readonly plan: unknown;
  readonly warnings: readonly FieldIssue[];
  readonly revisionReason?: string;
}

export function toDraftModel(answer: unknown): DraftModel {
  const application = record(answer);
  return {
    status: text(application.status) ?? '',
    revision: integer(application.revision) ?? 0,
    plan: application.plan,
    warnings: fieldIssues(application.warnings),
    revisionReason: text(record(application.revisionRequest).reason),
  };
}
