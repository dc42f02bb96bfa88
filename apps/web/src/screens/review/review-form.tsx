import { useEffect, useState, type FormEvent } from 'react';
import { rememberWrite } from '../../api/application-answers';
import { api } from '../../api/client';
import { asProblem, problemHeadline } from '../../api/problems';
import { useSession } from '../../auth/session';
import { useAfterSignInNote } from '../../auth/session-lapsed-dialog';

import { RECOMMENDATION_LABELS, VERDICT_CHOICES } from '../../messages/labels';
import { issueMessagesAt, type FieldIssue } from '../../messages/rule-messages';
import { ChoiceFieldset } from '../../ui/choice-fieldset';
import { ErrorSummary } from '../../ui/error-summary';
import {
  requirementLabel,
  type ApplicationView,
  type Requirement,
} from '../application-read/application-view';
import {
  dropDraft,
  hasInput,
  keepDraft,
  missingInDraft,
  storedDraft,
  toSubmitReview,
  type ReviewDraft,
} from './review-draft';
import { FailureAlert } from '../../ui/failure-alert';
import { TextAreaField } from '../../ui/text-area-field';
import { useLeaveGuard } from '../../ui/use-leave-guard';

/** The review being sent when the session lapsed is sent once signed in again. */
const AFTER_SIGN_IN = 'サインインし直すと、この審査結果をそのまま提出します。';

const RECOMMENDATIONS = ['adopt', 'reject', 'revise'] as const;

/**
 * Each requirement met / not met with a comment, then the overall recommendation. What is
 * typed survives a lapsed session: the draft is kept as it is typed, and a submission refused
 * with 401 is sent again as soon as the reviewer has signed in.
 */
export function ReviewForm({
  id,
  revision,
  requirements,
  onSubmitted,
}: {
  id: string;
  revision: number;
  requirements: readonly Requirement[];
  onSubmitted: (answer: ApplicationView) => void;
}) {
  const [draft, setDraft] = useState<ReviewDraft>(() => storedDraft(id, requirements));
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [waitingForSignIn, setWaitingForSignIn] = useState(false);
  const { lapsed } = useSession();
  useAfterSignInNote(waitingForSignIn ? AFTER_SIGN_IN : undefined);

  useEffect(() => keepDraft(id, draft), [id, draft]);
  // Kept through a reload, but not through closing the tab: this tab's storage goes with it.
  useLeaveGuard(hasInput(draft));

  async function send() {
    setBusy(true);
    const { data, error, response } = await api.POST('/v1/applications/{id}/reviews', {
      params: { path: { id }, header: { 'If-Match': String(revision) } as never },
      body: toSubmitReview(draft, requirements),
    });
    setBusy(false);
    if (response.status === 401) return setWaitingForSignIn(true);
    setWaitingForSignIn(false);
    if (!response.ok) {
      const problem = asProblem(error, response.status);
      setIssues(problem.errors);
      return setFailure(problemHeadline(problem));
    }
    rememberWrite(id, data);
    dropDraft(id);
    onSubmitted(data as unknown as ApplicationView);
  }

  useEffect(() => {
    if (waitingForSignIn && !lapsed) void send();
    // Only the moment the session comes back matters here.
  }, [waitingForSignIn, lapsed]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing = missingInDraft(draft, requirements);
    setIssues(missing);
    setFailure(undefined);
    if (missing.length > 0) return;
    void send();
  }

  const errorsOf = (field: string) => issueMessagesAt(issues, field);
  const setAssessment = (requirement: string, change: Partial<ReviewDraft['assessments'][string]>) =>
    setDraft((previous) => ({
      ...previous,
      assessments: {
        ...previous.assessments,
        [requirement]: { ...previous.assessments[requirement], ...change },
      },
    }));

  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="review-form-title">
      <h2 id="review-form-title">審査結果の入力</h2>
      <p>
        要件ごとに「満たす」「満たさない」を選び、判断の理由を記入してください。入力内容はこの画面に保持され、サインインが切れても失われません。
      </p>
      {issues.length > 0 && (
        <ErrorSummary title={failure ?? '入力内容を確認してください'} issues={issues} refusal={issues} />
      )}
      {issues.length === 0 && <FailureAlert message={failure} />}
      {waitingForSignIn && (
        <p className="notice" role="status">
          {AFTER_SIGN_IN}
        </p>
      )}
      {requirements.map((requirement, index) => {
        const assessment = draft.assessments[requirement];
        const metField = `assessments.${requirement}.met`;
        const commentField = `assessments.${requirement}.comment`;
        return (
          <fieldset key={requirement} className="requirement" data-testid={`requirement-${requirement}`}>
            <legend>
              要件{index + 1}：{requirementLabel(requirement)}
            </legend>
            <ChoiceFieldset
              id={`field-assessments-${requirement}-met`}
              legend="判定"
              name={`met-${requirement}`}
              choices={VERDICT_CHOICES}
              value={assessment?.met ?? ''}
              onChange={(met) => setAssessment(requirement, { met })}
              errors={errorsOf(metField)}
              inline
            />
            <TextAreaField
              id={`field-assessments-${requirement}-comment`}
              label="コメント"
              required
              errors={errorsOf(commentField)}
              rows={2}
              value={assessment?.comment ?? ''}
              onChange={(text) => setAssessment(requirement, { comment: text })}
            />
          </fieldset>
        );
      })}
      <ChoiceFieldset
        id="field-recommendation"
        legend="総合評価"
        name="recommendation"
        choices={RECOMMENDATIONS.map((value) => ({ value, label: RECOMMENDATION_LABELS[value] }))}
        value={draft.recommendation}
        onChange={(recommendation) => setDraft((previous) => ({ ...previous, recommendation }))}
        errors={errorsOf('recommendation')}
      />
      <TextAreaField
        id="field-comment"
        label="総合評価のコメント"
        required
        errors={errorsOf('comment')}
        rows={4}
        value={draft.comment}
        onChange={(text) => setDraft((previous) => ({ ...previous, comment: text }))}
      />
      <button type="submit" className="button button--primary" disabled={busy || waitingForSignIn}>
        審査結果を提出する
      </button>
    </form>
  );
}
