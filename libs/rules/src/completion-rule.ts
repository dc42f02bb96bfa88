import { addMonths, compareCalendarDates, formatCalendarDate, parseCalendarDate } from './calendar-date';
import { lastDayOfFiscalYear } from './fiscal-year';
import { Schedule } from './plan';
import { RuleIssue } from './rule-issue';
import { RuleSet } from './rule-set';
import { fresh } from './fresh-object';

/**
 * Rule 7: completion on or after the start, by 31 March of the fiscal year unless a
 * reason is stated, and in any case before the start + `maxDurationMonths` (start
 * 2024-04-01 with 24 months → completion by 2026-03-31).
 */
export function completionViolations(
  schedule: Schedule | undefined,
  fiscalYear: number,
  ruleSet: RuleSet,
): RuleIssue[] {
  if (!schedule) return [];
  const start = parseCalendarDate(schedule.start, 'schedule.start');
  const completion = parseCalendarDate(schedule.completion, 'schedule.completion');
  const figures = { start: schedule.start, completion: schedule.completion };
  const issue = (message: string, extra: Record<string, string | number> = {}): RuleIssue => ({
    rule: 'completion_within_period',
    field: 'schedule.completion',
    message,
    figures: { ...fresh, ...figures, ...extra },
  });

  if (compareCalendarDates(completion, start) < 0) {
    return [issue(`The completion date ${schedule.completion} is before the start date ${schedule.start}.`)];
  }

  const violations: RuleIssue[] = [];
  const fiscalYearEnd = formatCalendarDate(lastDayOfFiscalYear(fiscalYear));
  const hasReason = (schedule.extendedCompletionReason ?? '').trim() !== '';
  if (compareCalendarDates(completion, lastDayOfFiscalYear(fiscalYear)) > 0 && !hasReason) {
    violations.push(
      issue(
        `The completion date ${schedule.completion} is after the end of fiscal year ${fiscalYear} (${fiscalYearEnd}); ` +
          'state why the project completes later.',
        { fiscalYearEnd },
      ),
    );
  }

  const limit = addMonths(start, ruleSet.maxDurationMonths);
  if (compareCalendarDates(completion, limit) >= 0) {
    violations.push(
      issue(
        `The project runs from ${schedule.start} to ${schedule.completion}, longer than ` +
          `${ruleSet.maxDurationMonths} months (complete before ${formatCalendarDate(limit)}).`,
        { maxDurationMonths: ruleSet.maxDurationMonths },
      ),
    );
  }
  return violations;
}
