import { CalendarDate } from './calendar-date';

/**
 * 採否決定予定日 while an application is sent back for revision: it is decided in the round its
 * resubmission joins (the round of the resubmission's own instant), so the date of the round
 * it left may not hold.
 */
const DECIDED_BY_RESUBMISSION = '再提出した募集回の締切で決まります';

/** An application's 採否決定予定日 as the municipality reads it, or — while it has none. */
export function DecisionDue({ status, date }: { status: string; date: string | undefined }) {
  if (status === 'revision_requested') return <>{DECIDED_BY_RESUBMISSION}</>;
  return date ? <CalendarDate date={date} /> : <>—</>;
}
