import { daysBetween } from '@l10k/rules';
import type { DueView } from '../../views/award-ledger.view';

/** What a ledger line says about what the municipality owes: enough to tell what is due next. */
export interface DueFacts {
  readonly status: string;
  readonly grantApplied: boolean;
  /** YYYY-MM-DD, or null before the adoption set it. */
  readonly grantApplicationDueDate: string | null;
  readonly reported: boolean;
  readonly reportDueDate: string | null;
}

/** What is due next: the grant application until it is made, then the report until it is filed. */
export function nextDue(row: DueFacts, today: string): DueView | null {
  const due = (kind: DueView['kind'], dueDate: string): DueView => {
    const daysRemaining = daysBetween(today, dueDate);
    return { kind, dueDate, daysRemaining, overdue: daysRemaining < 0 };
  };
  if (row.status === 'abandoned') return null;
  if (!row.grantApplied && row.grantApplicationDueDate !== null)
    return due('grant_application', row.grantApplicationDueDate);
  if (!row.reported && row.reportDueDate !== null) return due('performance_report', row.reportDueDate);
  return null;
}
