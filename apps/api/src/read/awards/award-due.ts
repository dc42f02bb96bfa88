import type { AwardLedgerRow } from '@l10k/read-model';
import { daysBetween } from '@l10k/rules';
import type { DueView } from '../../views/award-ledger.view';

/** What is due next: the grant application until it is made, then the report until it is filed. */
export function nextDue(
  row: Pick<
    AwardLedgerRow,
    'status' | 'grantAppliedAt' | 'grantApplicationDueDate' | 'reportedAt' | 'reportDueDate'
  >,
  today: string,
): DueView | null {
  const due = (kind: DueView['kind'], dueDate: string): DueView => {
    const daysRemaining = daysBetween(today, dueDate);
    return { kind, dueDate, daysRemaining, overdue: daysRemaining < 0 };
  };
  if (row.status === 'abandoned') return null;
  if (row.grantAppliedAt === null && row.grantApplicationDueDate !== null)
    return due('grant_application', row.grantApplicationDueDate);
  if (row.reportedAt === null && row.reportDueDate !== null)
    return due('performance_report', row.reportDueDate);
  return null;
}
