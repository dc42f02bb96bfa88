import { useState, type FormEvent } from 'react';
import { useKeptState } from '../../auth/use-kept-state';
import { rememberWrite } from '../../api/application-answers';
import { api } from '../../api/client';
import { asProblem, problemHeadline } from '../../api/problems';
import { issueMessagesAt, type FieldIssue } from '../../messages/rule-messages';
import { ChoiceFieldset } from '../../ui/choice-fieldset';
import { ErrorSummary } from '../../ui/error-summary';
import type { ApplicationView } from '../application-read/application-view';
import { FailureAlert } from '../../ui/failure-alert';
import { TextAreaField } from '../../ui/text-area-field';

/** Before anything else: does the reviewer have a conflict of interest with this application? */
export function ConflictDeclarationForm({
  id,
  revision,
  onDeclared,
}: {
  id: string;
  revision: number;
  onDeclared: (answer: ApplicationView) => void;
}) {
  const [choice, setChoice] = useKeptState<'' | 'none' | 'conflict'>(
    `conflict-declaration.${id}.choice`,
    () => '',
  );
  const [detail, setDetail] = useKeptState(`conflict-declaration.${id}.detail`, () => '');
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldIssue[] = [];
    if (!choice) missing.push({ field: 'hasConflict', rule: 'is_not_empty', message: '' });
    if (choice === 'conflict' && !detail.trim())
      missing.push({ field: 'detail', rule: 'is_not_empty', message: '' });
    setIssues(missing);
    if (missing.length > 0) return;
    setBusy(true);
    const { data, error, response } = await api.POST('/v1/applications/{id}/conflict-declarations', {
      params: { path: { id }, header: { 'If-Match': String(revision) } as never },
      body: {
        hasConflict: choice === 'conflict',
        ...(choice === 'conflict' ? { detail: detail.trim() } : {}),
      },
    });
    setBusy(false);
    if (!response.ok) {
      const problem = asProblem(error, response.status);
      setIssues(problem.errors);
      return setFailure(problemHeadline(problem));
    }
    rememberWrite(id, data);
    onDeclared(data as unknown as ApplicationView);
  }

  const choiceError = issueMessagesAt(issues, 'hasConflict');
  const detailError = issueMessagesAt(issues, 'detail');
  return (
    <form onSubmit={submit} noValidate className="form notice" aria-labelledby="conflict-title">
      <h2 id="conflict-title">利益相反の申告</h2>
      <p>
        審査の前に、この申請の団体・事業者との間に利益相反（役員・顧問への就任、取引・出資関係、親族関係など）がないかを申告してください。利益相反がある場合は、この申請を審査できません。
      </p>
      {issues.length > 0 && (
        <ErrorSummary title={failure ?? '入力内容を確認してください'} issues={issues} refusal={issues} />
      )}
      {issues.length === 0 && <FailureAlert message={failure} />}
      <ChoiceFieldset
        id="field-hasConflict"
        legend="利益相反の有無"
        name="hasConflict"
        choices={[
          { value: 'none', label: '利益相反はありません' },
          { value: 'conflict', label: '利益相反があります（この申請の審査を辞退します）' },
        ]}
        value={choice}
        onChange={setChoice}
        errors={choiceError}
      />
      {choice === 'conflict' && (
        <TextAreaField
          id="field-detail"
          label="利益相反の内容"
          required
          hint="担当官が確認します。申請団体には表示されません。"
          errors={detailError}
          maxLength={2000}
          value={detail}
          onChange={setDetail}
        />
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        申告する
      </button>
    </form>
  );
}
