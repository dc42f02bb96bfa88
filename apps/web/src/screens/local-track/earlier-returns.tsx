import type { components } from '../../api/schema';
import { formatDateTime } from '../../format/dates';

type EarlierReturn = components['schemas']['EarlierReturnView'];

/**
 * The reports the programme officer returned before the current one, oldest first, each with
 * what was missing: once a report has been made again, its answer replaces the return's on
 * screen, and the municipality and the officer still read what was asked and when.
 */
export function EarlierReturns({ returns }: { returns: readonly EarlierReturn[] | undefined }) {
  if (!returns?.length) return null;
  return (
    <ul className="earlier-returns" data-testid="earlier-returns">
      {returns.map((returned) => (
        <li key={returned.reportNumber}>
          第{returned.reportNumber}回の報告への差戻し（{formatDateTime(new Date(returned.returnedAt))}）：
          {returned.reason}
        </li>
      ))}
    </ul>
  );
}
