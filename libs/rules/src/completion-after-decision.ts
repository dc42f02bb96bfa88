import { compareCalendarDates, parseCalendarDate } from './calendar-date';
import { Schedule } from './plan';
import { RuleIssue } from './rule-issue';

/**
 * `completion_after_decision`: a project should still be running when its round is
 * decided. A plan meant to finish by 31 March that joins the March round (decided in
 * April) would be complete before it is adopted: a warning, not a refusal.
 */
export function completionAfterDecisionWarnings(
  schedule: Schedule | undefined,
  round: string | undefined,
  decisionDueDate: string | undefined,
): RuleIssue[] {
  if (!schedule || decisionDueDate === undefined) return [];
  const completion = parseCalendarDate(schedule.completion, 'schedule.completion');
  if (compareCalendarDates(completion, parseCalendarDate(decisionDueDate)) > 0) return [];
  return [
    {
      rule: 'completion_after_decision',
      field: 'schedule.completion',
      message:
        `The planned completion ${schedule.completion} is not after the decision due date ${decisionDueDate} ` +
        `of round ${round}: the project would be finished before it is decided.`,
      figures: { completion: schedule.completion, round: round ?? '', decisionDueDate },
    },
  ];
}
