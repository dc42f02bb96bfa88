import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useKeptState } from '../../auth/use-kept-state';
import { api } from '../../api/client';
import { rememberWrite } from '../../api/application-answers';
import { asProblem, problemHeadline } from '../../api/problems';
import { formatYenWithMan, parseYen, yenInputText } from '../../format/money';
import { issueMessagesAt, type FieldIssue } from '../../messages/rule-messages';
import { ChoiceFieldset } from '../../ui/choice-fieldset';
import { ErrorSummary } from '../../ui/error-summary';
import { Field } from '../../ui/field';
import { FundingFigures } from '../../ui/funding-figures';
import { YenInput } from '../../ui/yen-input';
import type { ApplicationView } from '../application-read/application-view';
import { approvedFundingPreview, type Calculation } from './approved-funding-preview';
import { officerIssueMessage } from './officer-rule-messages';
import { FailureAlert } from '../../ui/failure-alert';
import { TextAreaField } from '../../ui/text-area-field';
import { SummaryLink } from '../../ui/summary-link';
import { useChangedSinceOpened, useLeaveGuard } from '../../ui/use-leave-guard';

type Action = '' | 'adopt' | 'reject' | 'revise';

const ACTIONS: readonly {
  readonly value: Exclude<Action, ''>;
  readonly label: string;
  readonly button: string;
}[] = [
  { value: 'adopt', label: '採択する', button: '採択を決定する' },
  { value: 'reject', label: '不採択とする', button: '不採択を決定する' },
  { value: 'revise', label: '修正を依頼する（申請団体に差し戻す）', button: '修正を依頼する' },
];

const PREVIEW_DEBOUNCE_MS = 300;

/**
 * A refusal the officer answers in the 採択額 field: the grant's own limits, and the budget,
 * which a lower grant may fit (the national share follows the grant).
 */
const isAboutApprovedGrant = (issue: FieldIssue): boolean =>
  issue.field === 'approvedGrant' || (issue.rule === 'budget' && issue.field === 'nationalShare');

/**
 * The officer's call on an application under review: adopt (at the requested grant or a lower
 * one, with the figures recomputed before confirming), reject, or ask for a revision, each
 * with a written reason. A refused adoption names its rule (quorum, majority, budget) in words.
 */
/** What the recalculated figures assume: only a reduced grant moves money to the business's own funds. */
function recalculationBasis(requestedGrant: number, approvedGrant: number): string {
  if (approvedGrant === requestedGrant)
    return '申請額のまま採択した場合の額です。融資額と経費も計画のままです。';
  return `減額分の${formatYenWithMan(requestedGrant - approvedGrant)}は事業者の自己資金で賄う前提で、融資額と経費は計画のまま再計算しています。`;
}

export function DecisionForm({
  application,
  onChanged,
}: {
  application: ApplicationView;
  onChanged: (answer: ApplicationView) => void;
}) {
  const requestedGrant = application.funding?.grant ?? application.plan.funding?.grant;
  const [action, setAction] = useKeptState<Action>(`decision.${application.id}.action`, () => '');
  const [approvedGrant, setApprovedGrant] = useKeptState(`decision.${application.id}.approved-grant`, () =>
    yenInputText(requestedGrant),
  );
  const [reason, setReason] = useKeptState(`decision.${application.id}.reason`, () => '');
  useLeaveGuard(useChangedSinceOpened([action, approvedGrant, reason]));
  const [preview, setPreview] = useState<Calculation>();
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [refusal, setRefusal] = useState<readonly FieldIssue[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const grant = parseYen(approvedGrant);
  const refusalBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusal.length > 0) refusalBox.current?.focus();
  }, [refusal]);

  useEffect(() => {
    setPreview(undefined);
    if (action !== 'adopt' || grant === undefined || grant <= 0) return;
    let live = true;
    const timer = setTimeout(() => {
      void approvedFundingPreview(application, grant).then((calculation) => live && setPreview(calculation));
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [action, grant, application]);

  function localIssues(): FieldIssue[] {
    const found: FieldIssue[] = [];
    if (!action) found.push({ field: 'outcome', rule: 'is_not_empty', message: '' });
    if (action === 'adopt' && (grant === undefined || grant <= 0))
      found.push({ field: 'approvedGrant', rule: 'approved_grant_typed', message: '' });
    if (!reason.trim()) found.push({ field: 'reason', rule: 'is_not_empty', message: '' });
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRefusal([]);
    setFailure(undefined);
    const found = localIssues();
    setIssues(found);
    if (found.length > 0) return;
    setBusy(true);
    const params = {
      path: { id: application.id },
      header: { 'If-Match': String(application.revision) } as never,
    };
    const answer =
      action === 'revise'
        ? await api.POST('/v1/applications/{id}/revision-requests', {
            params,
            body: { reason: reason.trim() },
          })
        : await api.POST('/v1/applications/{id}/decision', {
            params,
            body: {
              outcome: action === 'adopt' ? 'adopted' : 'rejected',
              reason: reason.trim(),
              ...(action === 'adopt' && grant !== requestedGrant ? { approvedGrant: grant } : {}),
            },
          });
    setBusy(false);
    if (!answer.response.ok) {
      const problem = asProblem(answer.error, answer.response.status);
      if (problem.status === 422)
        return setRefusal(
          problem.errors.length > 0 ? problem.errors : [{ field: '', rule: '', message: problem.title }],
        );
      setIssues(problem.errors);
      return setFailure(problemHeadline(problem));
    }
    rememberWrite(application.id, answer.data);
    onChanged(answer.data as ApplicationView);
  }

  const errorsOf = (field: string) => issueMessagesAt(issues, field);
  const chosen = ACTIONS.find((candidate) => candidate.value === action);
  return (
    <form onSubmit={submit} noValidate className="form officer-section" aria-labelledby="decision-title">
      <h2 id="decision-title">採否の決定・修正依頼</h2>
      {issues.length > 0 && <ErrorSummary title={failure ?? '入力内容を確認してください'} issues={issues} />}
      {issues.length === 0 && <FailureAlert message={failure} />}
      {refusal.length > 0 && (
        <div
          className="error-summary"
          role="alert"
          tabIndex={-1}
          ref={refusalBox}
          data-testid="decision-refusal"
        >
          <h3>{action === 'adopt' ? '採択できません' : 'この操作はできません'}</h3>
          <ul>
            {refusal.map((issue, index) => (
              <li key={`${issue.rule}-${index}`}>
                {action === 'adopt' && isAboutApprovedGrant(issue) ? (
                  <SummaryLink fieldId="field-approvedGrant">{officerIssueMessage(issue)}</SummaryLink>
                ) : (
                  officerIssueMessage(issue)
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ChoiceFieldset
        id="field-outcome"
        legend="判断"
        name="outcome"
        choices={ACTIONS}
        value={action}
        onChange={setAction}
        errors={errorsOf('outcome')}
      />
      {action === 'adopt' && (
        <>
          <Field
            id="field-approvedGrant"
            label="採択額（交付額）"
            required
            hint={
              requestedGrant === undefined
                ? undefined
                : `申請額は${formatYenWithMan(requestedGrant)}です。減額して採択できます（増額はできません）。`
            }
            errors={[
              ...errorsOf('approvedGrant'),
              ...refusal.filter(isAboutApprovedGrant).map(officerIssueMessage),
            ]}
          >
            {(describedBy, invalid) => (
              <YenInput
                value={approvedGrant}
                onChange={setApprovedGrant}
                input={{
                  id: 'field-approvedGrant',
                  'aria-describedby': describedBy,
                  'aria-invalid': invalid,
                }}
              />
            )}
          </Field>
          <section
            className="calc-panel approved-figures"
            aria-labelledby="approved-figures-title"
            aria-live="polite"
            data-testid="approved-figures"
          >
            <h3 id="approved-figures-title">採択額で再計算した交付額</h3>
            {!preview && <p className="muted">計算しています…</p>}
            {preview && (
              <>
                {application.funding && (
                  <p>
                    国費（交付金）：
                    <span className="nowrap">
                      {formatYenWithMan(application.funding.nationalShare)}（申請時）
                    </span>{' '}
                    → <strong className="nowrap">{formatYenWithMan(preview.nationalShare)}</strong>
                  </p>
                )}
                <FundingFigures figures={preview} withGrant testIdPrefix="approved" />
                {grant !== undefined && requestedGrant !== undefined && grant <= requestedGrant && (
                  <p className="muted" data-testid="approved-figures-basis">
                    {recalculationBasis(requestedGrant, grant)}
                  </p>
                )}
              </>
            )}
          </section>
        </>
      )}
      <TextAreaField
        id="field-reason"
        label="理由"
        required
        hint="採択・不採択の理由、又は修正を求める内容を記入します。申請団体に表示されます。"
        errors={errorsOf('reason')}
        value={reason}
        onChange={setReason}
      />
      <button
        type="submit"
        className={`button ${action === 'reject' ? 'button--danger' : 'button--primary'}`}
        disabled={busy}
      >
        {chosen?.button ?? '決定する'}
      </button>
    </form>
  );
}
