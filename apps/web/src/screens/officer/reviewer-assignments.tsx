import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useKeptState } from '../../auth/use-kept-state';
import { rememberWrite } from '../../api/application-answers';
import { asProblem, problemHeadline } from '../../api/problems';
import { formatDateTime } from '../../format/dates';
import { issueMessagesAt, type FieldIssue } from '../../messages/rule-messages';
import { ErrorSummary } from '../../ui/error-summary';
import { Field } from '../../ui/field';
import type { ApplicationView } from '../application-read/application-view';
import { useKnownReviewers } from './known-reviewers';
import { FailureAlert } from '../../ui/failure-alert';

const ASSIGNABLE = new Set(['submitted', 'under_review']);

function declarationText(reviewer: ApplicationView['reviewers'][number]): string {
  if (!reviewer.conflictDeclaration) return '未申告';
  return reviewer.conflictDeclaration.hasConflict ? '利益相反あり（辞退）' : '利益相反なし';
}

/** The current cycle's reviewers with their declarations (recusals stand out), and the form to assign one more. */
export function ReviewerAssignments({
  application,
  onChanged,
}: {
  application: ApplicationView;
  onChanged: (answer: ApplicationView) => void;
}) {
  const [reviewerId, setReviewerId] = useKeptState(
    `reviewer-assignment.${application.id}.reviewer`,
    () => '',
  );
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const recused = application.reviewers.filter((reviewer) => reviewer.recused).length;
  const reviewed = new Set(application.reviews.map((review) => review.reviewerId));
  const assigned = new Set(application.reviewers.map((reviewer) => reviewer.reviewerId));
  // Reviewers are offered as the ID is typed, with what is on their desk; a new ID is still typed in
  // full, and when the list cannot be read nothing is offered and the form works as before.
  const known = useKnownReviewers();
  const offered = (known && 'items' in known ? known.items : []).filter(
    (reviewer) => !assigned.has(reviewer.reviewerId),
  );

  async function assign(event: FormEvent) {
    event.preventDefault();
    if (!reviewerId.trim()) return setIssues([{ field: 'reviewerId', rule: 'is_not_empty', message: '' }]);
    setIssues([]);
    setBusy(true);
    const { data, error, response } = await api.POST('/v1/applications/{id}/reviewers', {
      params: { path: { id: application.id }, header: { 'If-Match': String(application.revision) } as never },
      body: { reviewerId: reviewerId.trim() },
    });
    setBusy(false);
    if (!response.ok) {
      const problem = asProblem(error, response.status);
      setIssues(problem.errors);
      return setFailure(
        problem.status === 409
          ? 'この審査員は割当て済みか、現在の状態では割り当てられません。'
          : problemHeadline(problem),
      );
    }
    setFailure(undefined);
    setReviewerId('');
    rememberWrite(application.id, data);
    onChanged(data as ApplicationView);
  }

  // Worded by its rule, as the error summary words it: an empty ID and one too long read differently.
  const idErrors = issueMessagesAt(issues, 'reviewerId');
  return (
    <section className="officer-section" aria-labelledby="reviewers-title">
      <h2 id="reviewers-title">審査員の割当て</h2>
      <p>
        割当て {application.reviewers.length}名
        {recused > 0 && <strong className="overdue">（うち利益相反による辞退 {recused}名）</strong>}。
        {application.reviewsNeeded != null &&
          `採択には利益相反のない審査員による審査結果が${application.reviewsNeeded}件以上必要です。`}
      </p>
      {application.reviewers.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="reviewers">
            <caption className="visually-hidden">割り当てた審査員と利益相反の申告</caption>
            <thead>
              <tr>
                <th scope="col">審査員</th>
                <th scope="col">審査員ID</th>
                <th scope="col">割当て日時</th>
                <th scope="col">利益相反の申告</th>
                <th scope="col">審査結果</th>
              </tr>
            </thead>
            <tbody>
              {application.reviewers.map((reviewer) => (
                <tr key={reviewer.reviewer} className={reviewer.recused ? 'row--overdue' : undefined}>
                  <th scope="row">{reviewer.reviewer}</th>
                  <td>{reviewer.reviewerId}</td>
                  <td>{formatDateTime(new Date(reviewer.assignedAt))}</td>
                  <td className={reviewer.recused ? 'overdue' : undefined}>
                    {declarationText(reviewer)}
                    {reviewer.conflictDeclaration?.detail && (
                      <div className="muted">{reviewer.conflictDeclaration.detail}</div>
                    )}
                  </td>
                  <td>
                    {reviewer.recused ? '—' : reviewed.has(reviewer.reviewerId) ? '提出済み' : '未提出'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ASSIGNABLE.has(application.status) && (
        <form onSubmit={assign} noValidate className="form" aria-label="審査員を割り当てる">
          {issues.length > 0 && (
            <ErrorSummary title={failure ?? '入力内容を確認してください'} issues={issues} />
          )}
          {issues.length === 0 && <FailureAlert message={failure} />}
          <Field
            id="field-reviewerId"
            label="審査員ID"
            required
            hint={
              offered.length > 0
                ? '審査員がサインインに使うID。申請に割り当てられている審査員は、入力すると審査中の件数とともに候補に出ます。'
                : '審査員がサインインに使うID（審査一覧に表示されます）。例：reviewer-佐藤 一郎'
            }
            errors={idErrors}
          >
            {(describedBy, invalid) => (
              <div className="input-with-action">
                <input
                  id="field-reviewerId"
                  className="input input--medium"
                  value={reviewerId}
                  list={offered.length > 0 ? 'known-reviewers' : undefined}
                  maxLength={200}
                  autoComplete="off"
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(event) => setReviewerId(event.target.value)}
                />
                <button type="submit" className="button button--primary" disabled={busy}>
                  割り当てる
                </button>
              </div>
            )}
          </Field>
          {offered.length > 0 && (
            <datalist id="known-reviewers" data-testid="known-reviewers">
              {offered.map((known) => (
                <option
                  key={known.reviewerId}
                  value={known.reviewerId}
                  label={`審査中 ${known.underReview}件（担当 ${known.assigned}件）`}
                />
              ))}
            </datalist>
          )}
        </form>
      )}
    </section>
  );
}
