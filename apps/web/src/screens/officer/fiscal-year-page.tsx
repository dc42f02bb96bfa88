import './officer.css';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useKeptState } from '../../auth/use-kept-state';
import { asProblem, problemHeadline } from '../../api/problems';
import { parseYen, yenInputText } from '../../format/money';
import type { FieldIssue } from '../../messages/rule-messages';
import { linkHandler } from '../../router';
import { ErrorSummary } from '../../ui/error-summary';
import { Field } from '../../ui/field';
import { YenInput } from '../../ui/yen-input';
import { BudgetGauge, type Budget } from './budget-gauge';
import { officerIssueMessage } from './officer-rule-messages';
import { FailureAlert } from '../../ui/failure-alert';

/** The fiscal year: its national budget and whether intake is open (PUT /v1/fiscal-years/{fy}/budget). */
export function FiscalYearPage({ fiscalYear }: { fiscalYear: number }) {
  const [budget, setBudget] = useState<Budget>();
  const [amount, setAmount, amountKept] = useKeptState(`fiscal-year.${fiscalYear}.amount`, () => '');
  const [intakeOpen, setIntakeOpen, intakeKept] = useKeptState(
    `fiscal-year.${fiscalYear}.intake-open`,
    () => true,
  );
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const show = useCallback((loaded: Budget) => {
    setBudget(loaded);
    setAmount(loaded.revision < 0 ? '' : yenInputText(loaded.nationalBudget));
    setIntakeOpen(loaded.intakeOpen);
  }, []);
  // What was typed before a sign-in redirect stays in the form; the read only fills the gauge then.
  const typedBeforeSignIn = amountKept || intakeKept;
  useEffect(() => {
    void api
      .GET('/v1/fiscal-years/{fy}/budget', { params: { path: { fy: fiscalYear } } })
      .then(({ data, error, response }) => {
        if (data && typedBeforeSignIn) setBudget(data);
        else if (data) show(data);
        else setFailure(problemHeadline(asProblem(error, response.status)));
      });
  }, [fiscalYear, show, typedBeforeSignIn]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const nationalBudget = parseYen(amount);
    if (nationalBudget === undefined)
      return setIssues([
        {
          field: 'nationalBudget',
          rule: amount.trim() === '' ? 'is_not_empty' : 'budget_amount_typed',
          message: '',
        },
      ]);
    setIssues([]);
    setBusy(true);
    const { data, error, response } = await api.PUT('/v1/fiscal-years/{fy}/budget', {
      params: { path: { fy: fiscalYear } },
      body: { nationalBudget, intakeOpen },
    });
    setBusy(false);
    if (!data) {
      const problem = asProblem(error, response.status);
      setIssues(problem.errors);
      return setFailure(problemHeadline(problem));
    }
    setFailure(undefined);
    show(data);
    setSaved(true);
  }

  // Worded as the error summary words them (a refusal by the budget rule has its own summary).
  const amountErrors = issues.filter((issue) => issue.field === 'nationalBudget').map(officerIssueMessage);
  const refusedByRule = issues.some((issue) => issue.rule === 'budget');
  return (
    <main id="main" className="page">
      <p>
        <a
          href={`/officer/rounds?fiscalYear=${fiscalYear}`}
          onClick={linkHandler(`/officer/rounds?fiscalYear=${fiscalYear}`)}
        >
          ← 締切回の状況
        </a>
      </p>
      <h1>年度予算・受付（{fiscalYear}年度）</h1>
      <nav aria-label="年度の切替え" className="status-line">
        <a
          href={`/officer/fiscal-years/${fiscalYear - 1}`}
          onClick={linkHandler(`/officer/fiscal-years/${fiscalYear - 1}`)}
        >
          ← {fiscalYear - 1}年度
        </a>
        <a
          href={`/officer/fiscal-years/${fiscalYear + 1}`}
          onClick={linkHandler(`/officer/fiscal-years/${fiscalYear + 1}`)}
        >
          {fiscalYear + 1}年度 →
        </a>
      </nav>
      {issues.length === 0 && <FailureAlert message={failure} />}
      {saved && (
        <div className="success" role="status">
          <p>予算と受付の設定を保存しました。</p>
        </div>
      )}
      {!budget && !failure && <p>読み込み中…</p>}
      {budget && <BudgetGauge budget={budget} />}
      {budget && (
        <form
          onSubmit={submit}
          noValidate
          className="form officer-section"
          aria-labelledby="budget-form-title"
        >
          <h2 id="budget-form-title">予算と受付の設定</h2>
          {issues.length > 0 && !refusedByRule && (
            <ErrorSummary title={failure ?? '入力内容を確認してください'} issues={issues} />
          )}
          {refusedByRule && (
            <div className="error-summary" role="alert">
              <h2>設定できません</h2>
              <ul>
                {issues.map((issue, index) => (
                  <li key={index}>{officerIssueMessage(issue)}</li>
                ))}
              </ul>
            </div>
          )}
          <Field
            id="field-nationalBudget"
            label="国費の予算額"
            required
            hint="整数の円で入力します。例：1,000,000,000（10億円）"
            errors={amountErrors}
          >
            {(describedBy, invalid) => (
              <YenInput
                value={amount}
                onChange={setAmount}
                input={{
                  id: 'field-nationalBudget',
                  'aria-describedby': describedBy,
                  'aria-invalid': invalid,
                }}
              />
            )}
          </Field>
          <fieldset className="fieldset">
            <legend className="field__label">この年度の申請の受付</legend>
            <label className="choice">
              <input
                type="radio"
                name="intakeOpen"
                checked={intakeOpen}
                onChange={() => setIntakeOpen(true)}
              />
              受付中（提出を受け付ける）
            </label>
            <label className="choice">
              <input
                type="radio"
                name="intakeOpen"
                checked={!intakeOpen}
                onChange={() => setIntakeOpen(false)}
              />
              受付停止（この年度への提出を受け付けない）
            </label>
          </fieldset>
          <button type="submit" className="button button--primary" disabled={busy}>
            保存する
          </button>
        </form>
      )}
    </main>
  );
}
