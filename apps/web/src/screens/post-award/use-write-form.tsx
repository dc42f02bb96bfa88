import { useState, type ReactNode } from 'react';
import type { Problem } from '../../api/problems';
import { IssueSummary } from '../../ui/issue-summary';
import {
  describeIssues,
  messagesAt,
  namesRequirement,
  summaryItems,
  summaryTitle,
  type FormFields,
  type ShownIssue,
} from './form-issues';
import { outcomeOf, type WriteOutcome } from './use-award-application';

export interface WriteFormOptions {
  /** Where a refusal's issues are shown, when not each at its own field. */
  readonly place?: (problem: Problem) => ShownIssue[];
  /**
   * The summary's heading when the write breaks the programme's requirements (422), where the
   * form words it its own way; a refusal only by an award step's amount limit (交付額 above the
   * decided grant, say) keeps the usual heading, as no requirement is unmet.
   */
  readonly unmetTitle?: string;
  /** Told the issues each time they change, for a screen that shows some of them elsewhere. */
  readonly onIssues?: (issues: ShownIssue[]) => void;
}

export interface WriteForm {
  readonly issues: readonly ShownIssue[];
  /** True while the write is out: the form's button is disabled. */
  readonly busy: boolean;
  /** The messages at one of the form's own fields, by its name in the API. */
  errorsAt(field: string): string[];
  /** The messages at an input by its id (a plan's rows are not among the form's own fields). */
  errorsAtId(id: string): string[];
  /** One mistake found before sending, at one of the form's own fields: nothing is sent. */
  refuse(field: string, message: string): void;
  /** Mistakes found before sending: nothing is sent. */
  refuseAll(found: ShownIssue[]): void;
  /** Sends the write; a refusal is shown at its fields, an answer is handed on. */
  send(
    write: () => Promise<Parameters<typeof outcomeOf>[0]>,
    onAnswer: (answer: unknown) => void,
  ): Promise<void>;
  /** The error summary at the top of the form, or nothing. */
  readonly summary: ReactNode;
}

/**
 * One write form after adoption (the municipality's steps, the local track's, the officer's):
 * mistakes found here or the API's refusal by rule code, each at its field and in the summary,
 * and the same send sequence for all: busy, POST, then the refusal or the answer.
 */
export function useWriteForm(fields: FormFields, options: WriteFormOptions = {}): WriteForm {
  const [issues, setIssues] = useState<ShownIssue[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const show = (shown: ShownIssue[], refusal?: Problem) => {
    setProblem(refusal);
    setIssues(shown);
    options.onIssues?.(shown);
  };
  const place = options.place ?? ((refusal: Problem) => describeIssues(refusal, fields));
  const title =
    problem?.status === 422 && options.unmetTitle !== undefined && namesRequirement(problem)
      ? options.unmetTitle
      : summaryTitle(problem);
  return {
    issues,
    busy,
    errorsAt: (field) => messagesAt(issues, fields[field].id),
    errorsAtId: (id) => messagesAt(issues, id),
    refuse: (field, message) => show([{ fieldId: fields[field].id, label: fields[field].label, message }]),
    refuseAll: (found) => show(found),
    async send(write, onAnswer) {
      setBusy(true);
      let outcome: WriteOutcome;
      try {
        outcome = outcomeOf(await write());
      } finally {
        setBusy(false);
      }
      if ('problem' in outcome) return show(place(outcome.problem), outcome.problem);
      show([]);
      onAnswer(outcome.answer);
    },
    summary:
      issues.length > 0 || problem ? (
        <IssueSummary title={title} items={summaryItems(issues)} refusal={issues} />
      ) : null,
  };
}

/** A form's onSubmit: the browser does not navigate; the form sends. */
export const submitOn = (send: () => void) => (event: { preventDefault(): void }) => {
  event.preventDefault();
  send();
};
