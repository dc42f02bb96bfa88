import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { loadApplication, rememberWrite } from '../../api/application-answers';
import { asProblem, problemHeadline, type Problem } from '../../api/problems';
import { roundAt, type RoundInfo } from '../../api/rounds';
import { municipalityByCode } from '../../api/municipalities';
import { ruleSetById, type RuleSet } from '../../api/rule-sets';
import { sessions } from '../../auth/session';
import { onLeavingToSignIn } from '../../auth/session-lapsed-dialog';
import { formatClock } from '../../format/dates';
import { fieldId } from '../../messages/field-labels';
import {
  COST_CATEGORY_LABELS,
  PRIORITY_LABELS,
  STATUS_LABELS,
  TRACK_LABELS,
  label,
} from '../../messages/labels';
import { issueMessage, type FieldIssue } from '../../messages/rule-messages';
import { linkHandler, navigate } from '../../router';
import { ErrorSummary } from '../../ui/error-summary';
import { Field } from '../../ui/field';
import { LabelOptions } from '../../ui/label-options';
import { ReloadButton } from '../../ui/reload-button';
import { CalculationPanel } from './calculation-panel';
import { toDraftModel, type DraftModel } from './draft-model';
import { formatYenWithMan, parseYen, yenInputText } from '../../format/money';
import { YenInput } from '../../ui/yen-input';
import { fromPlan, totalCost, typingIssues, type PlanForm } from './plan-form';
import { CostLines } from './cost-lines';
import { LenderTypeOptions } from './lender-type-options';
import { offeredTrackLabels } from './offered-tracks';
import { SubmitDialog } from './submit-dialog';
import { keepUnsaved, takeUnsaved } from './unsaved-form';
import { useAutosave } from './use-autosave';
import { useCalculation } from './use-calculation';
import { FailureAlert } from '../../ui/failure-alert';
import { joinSentences } from '../../format/sentences';
import { useLeaveGuard } from '../../ui/use-leave-guard';

/** The plan can be edited in these; a local-track plan also once confirmed (it becomes a draft again) or returned by MIC. */
const EDITABLE = ['draft', 'revision_requested', 'locally_confirmed', 'returned'];

/** What the editor shows besides the plan, none of which depends on the application. */
interface EditorContext {
  /** The round a submission now would join. */
  readonly round: Promise<RoundInfo | undefined>;
  /** That round's rules: the form offers and explains by them. */
  readonly ruleSet: Promise<RuleSet | undefined>;
  /** Whether the signed-in government is a prefecture: the local track is not open to one. */
  readonly prefecture: Promise<boolean>;
}

/** Asked for beside the application, not after it: on a slow line each wait is a round trip. */
function askEditorContext(): EditorContext {
  const round = roundAt(new Date());
  const code = sessions.current()?.municipalityCode;
  return {
    round,
    ruleSet: round.then((info) => (info ? ruleSetById(info.ruleSetId) : undefined)),
    prefecture: code
      ? municipalityByCode(code).then((found) => found?.kind === 'prefecture')
      : Promise.resolve(false),
  };
}

export function ApplicationFormPage({ id }: { id: string }) {
  const [model, setModel] = useState<DraftModel>();
  const [failure, setFailure] = useState<string>();
  const [context] = useState(askEditorContext);
  useEffect(() => {
    void loadApplication(id).then((loaded) => {
      if ('answer' in loaded) {
        const draft = toDraftModel(loaded.answer);
        if (!EDITABLE.includes(draft.status)) navigate(`/applications/${id}`, { replace: true });
        else setModel(draft);
      } else setFailure(problemHeadline(asProblem(loaded.error, loaded.status)));
    });
  }, [id]);
  if (failure)
    return (
      <main id="main" className="page">
        <h1>申請の編集</h1>
        <FailureAlert message={failure} />
      </main>
    );
  if (!model)
    return (
      <main id="main" className="page">
        <h1>申請の編集</h1>
        <p>読み込み中…</p>
      </main>
    );
  return <PlanEditor id={id} initial={model} context={context} />;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="form-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function PlanEditor({ id, initial, context }: { id: string; initial: DraftModel; context: EditorContext }) {
  const [form, setForm] = useState<PlanForm>(() => takeUnsaved(id) ?? fromPlan(initial.plan));
  const [current, setCurrent] = useState<RoundInfo>();
  const [problem, setProblem] = useState<Problem>();
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const resubmission = initial.status === 'revision_requested';
  // The local track is not submitted: its next steps (地域での確認, 総務省へ報告) are on the application's screen.
  const local = form.track === 'local' && !resubmission;

  const [ruleSet, setRuleSet] = useState<RuleSet>();
  const [prefecture, setPrefecture] = useState(false);
  useEffect(() => {
    void context.round.then(setCurrent);
    void context.ruleSet.then(setRuleSet);
    void context.prefecture.then(setPrefecture);
  }, [context]);
  /** What the year's rules ask of the plan's track: the form offers and explains by them. */
  const trackRules = ruleSet?.tracks[form.track === 'local' ? 'local' : 'national'] ?? undefined;
  useEffect(() => onLeavingToSignIn(() => keepUnsaved(id, form)), [id, form]);

  const onSaved = useCallback(() => undefined, []);
  const autosave = useAutosave(id, form, initial, onSaved);
  useLeaveGuard(autosave.dirty || autosave.saving);
  const calc = useCalculation(form, current?.fiscalYear);

  const update = <K extends keyof PlanForm>(key: K, value: PlanForm[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  /** Every message to show at a field: the last refused submission, then the live calculation, then typing mistakes. */
  const issuesAt = useMemo(() => {
    const errors = new Map<string, string[]>();
    const warnings = new Map<string, string[]>();
    const add = (map: Map<string, string[]>, issue: FieldIssue) => {
      const key = fieldId(issue.field);
      const message = issueMessage(issue);
      const list = map.get(key) ?? [];
      if (!list.includes(message)) map.set(key, [...list, message]);
    };
    for (const issue of problem?.errors ?? []) add(errors, issue);
    const checked = calc.missing.length === 0 && parseYen(form.grant) !== undefined;
    if (checked) for (const issue of calc.calculation?.violations ?? []) add(errors, issue);
    for (const issue of calc.calculation?.warnings ?? []) add(warnings, issue);
    for (const issue of typingIssues(form)) add(errors, issue);
    return { errors, warnings };
  }, [problem, calc, form]);
  const errorsOf = (field: string) => issuesAt.errors.get(fieldId(field)) ?? [];
  const warningsOf = (field: string) => issuesAt.warnings.get(fieldId(field)) ?? [];
  /** A Field's id and every message at it: no field can be left without its errors. */
  const fieldOf = (field: string) => ({
    id: fieldId(field),
    errors: errorsOf(field),
    warnings: warningsOf(field),
  });
  const inputProps = (field: string, describedBy: string | undefined, invalid: boolean) => ({
    id: fieldId(field),
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
  });

  function fillLargestGrant(maxGrant: number) {
    setForm((previous) => {
      const loan = parseYen(previous.loanAmount) ?? 0;
      const rest = totalCost(previous) - loan - maxGrant;
      return {
        ...previous,
        grant: yenInputText(maxGrant),
        ...(rest >= 0 ? { ownFunds: yenInputText(rest) } : {}),
      };
    });
  }

  async function submit() {
    setSubmitting(true);
    const revision = await autosave.flush();
    if (revision === undefined) {
      setSubmitting(false);
      setConfirming(false);
      return;
    }
    const options = { params: { path: { id }, header: { 'If-Match': String(revision) } as never } };
    const { data, error, response } = resubmission
      ? await api.POST('/v1/applications/{id}/resubmit', options)
      : await api.POST('/v1/applications/{id}/submit', options);
    setSubmitting(false);
    setConfirming(false);
    if (!response.ok) {
      setProblem(asProblem(error, response.status));
      return;
    }
    rememberWrite(id, data);
    navigate(`/applications/${id}?submitted=1`);
  }

  /** A Field's money input for one of the plan's amounts, as the Field's children. */
  const yenInputOf =
    (field: string, key: 'grant' | 'loanAmount' | 'ownFunds') =>
    (describedBy: string | undefined, invalid: boolean) => (
      <YenInput
        value={form[key]}
        onChange={(value) => update(key, value)}
        input={inputProps(field, describedBy, invalid)}
      />
    );

  return (
    <main id="main" className="page page--wide">
      <p>
        <a href="/applications" onClick={linkHandler('/applications')}>
          ← 申請一覧
        </a>
      </p>
      <h1>{resubmission || initial.status === 'returned' ? '申請の修正' : '申請の作成'}</h1>
      <p className="status-line">
        状態：
        <span className={`status status--${initial.status}`}>{label(STATUS_LABELS, initial.status)}</span>
        <span className="save-state" role="status" data-testid="save-state">
          {autosave.saving
            ? '保存中…'
            : autosave.dirty
              ? '未保存の変更があります'
              : autosave.savedAt
                ? `保存済み ${formatClock(autosave.savedAt)}`
                : '保存済み'}
        </span>
        <a href={`/applications/${id}`} onClick={linkHandler(`/applications/${id}`)}>
          申請の詳細・取下げ
        </a>
      </p>
      {autosave.failure && (
        <div className="error-summary" role="alert">
          <p>自動保存できませんでした：{autosave.failure}</p>
          <ReloadButton failure={autosave.failure} />
        </div>
      )}
      {resubmission && initial.revisionReason && (
        <div className="notice" data-testid="revision-reason">
          <h2>修正依頼の内容</h2>
          <p>{initial.revisionReason}</p>
        </div>
      )}
      {problem && (
        <ErrorSummary
          title={
            problem.status === 422 ? '提出できません。次の項目を修正してください。' : problemHeadline(problem)
          }
          issues={problem.errors}
          refusal={problem}
        />
      )}
      <div className="form-layout">
        <form className="form" noValidate onSubmit={(event) => event.preventDefault()} aria-label="事業計画">
          <Section id="section-overview" title="1. 事業概要">
            <Field {...fieldOf('track')} label="事業の区分" required>
              {(describedBy, invalid) => (
                <select
                  {...inputProps('track', describedBy, invalid)}
                  className="select"
                  value={form.track}
                  onChange={(event) => update('track', event.target.value)}
                >
                  <LabelOptions labels={offeredTrackLabels(ruleSet?.tracks, form.track, prefecture)} />
                </select>
              )}
            </Field>
            <Field {...fieldOf('projectTitle')} label="事業名" required>
              {(describedBy, invalid) => (
                <input
                  {...inputProps('projectTitle', describedBy, invalid)}
                  className="input"
                  value={form.projectTitle}
                  maxLength={200}
                  onChange={(event) => update('projectTitle', event.target.value)}
                />
              )}
            </Field>
            <Field
              {...fieldOf('summary')}
              label="事業の概要"
              required
              hint="地域資源の活用、地域課題への対応、新規性がわかるように記入してください。"
            >
              {(describedBy, invalid) => (
                <textarea
                  {...inputProps('summary', describedBy, invalid)}
                  className="textarea"
                  rows={5}
                  value={form.summary}
                  maxLength={4000}
                  onChange={(event) => update('summary', event.target.value)}
                />
              )}
            </Field>
            <fieldset className="fieldset">
              <legend>実施自治体の状況（補助率の判定に使います）</legend>
              <label className="choice">
                <input
                  type="checkbox"
                  id={fieldId('municipality.disadvantagedArea')}
                  checked={form.disadvantagedArea}
                  onChange={(event) => update('disadvantagedArea', event.target.checked)}
                />
                条件不利地域（過疎、離島、半島、山村、豪雪地帯など）に該当する
              </label>
              <Field
                {...fieldOf('municipality.fiscalStrengthIndex')}
                label="財政力指数"
                required
                hint="小数第2位まで。例：0.21"
              >
                {(describedBy, invalid) => (
                  <input
                    {...inputProps('municipality.fiscalStrengthIndex', describedBy, invalid)}
                    className="input input--short"
                    inputMode="decimal"
                    value={form.fiscalStrengthIndex}
                    onChange={(event) => update('fiscalStrengthIndex', event.target.value)}
                  />
                )}
              </Field>
            </fieldset>
          </Section>

          <Section id="section-business" title="2. 事業者">
            <Field {...fieldOf('business.name')} label="事業者名" required>
              {(describedBy, invalid) => (
                <input
                  {...inputProps('business.name', describedBy, invalid)}
                  className="input"
                  value={form.businessName}
                  maxLength={200}
                  onChange={(event) => update('businessName', event.target.value)}
                />
              )}
            </Field>
            <Field
              {...fieldOf('business.corporateNumber')}
              label="法人番号"
              hint="13桁の半角数字（法人でない場合は空欄）"
            >
              {(describedBy, invalid) => (
                <input
                  {...inputProps('business.corporateNumber', describedBy, invalid)}
                  className="input input--medium"
                  inputMode="numeric"
                  maxLength={13}
                  value={form.corporateNumber}
                  onChange={(event) => update('corporateNumber', event.target.value)}
                />
              )}
            </Field>
          </Section>

          <Section id="section-costs" title="3. 経費（初期投資）">
            {trackRules && (
              <p className="muted" data-testid="eligible-costs">
                {`${label(TRACK_LABELS, form.track)}の対象経費は、${trackRules.eligibleCostCategories
                  .map((category) => label(COST_CATEGORY_LABELS, category))
                  .join('、')}です。`}
              </p>
            )}
            <CostLines
              rows={form.costs}
              update={(change) => setForm((previous) => ({ ...previous, costs: change(previous.costs) }))}
              lineName="経費"
              idOf={(index, part) => fieldId(`costs[${index}].${part}`)}
              errorsAt={(id) => issuesAt.errors.get(id) ?? []}
              warningsAt={(id) => issuesAt.warnings.get(id) ?? []}
              typingCheckedByCaller
            />
            <p>
              総事業費：<strong data-testid="total-cost">{formatYenWithMan(totalCost(form))}</strong>
            </p>
          </Section>

          <Section id="section-funding" title="4. 資金構成">
            <p className="muted">
              交付額＋融資額（又は出資額）＋自己資金＝総事業費 になるように入力してください。
            </p>
            <Field {...fieldOf('funding.grant')} label="交付額（自治体による公費助成）" required>
              {yenInputOf('funding.grant', 'grant')}
            </Field>
            <Field
              {...fieldOf('funding.loan.amount')}
              label="融資額（又は出資額）"
              required
              hint={
                trackRules?.outsideFinancingRequired
                  ? '融資、クラウドファンディング等による外部からの資金（0円より多く）が必要です。'
                  : '交付額以上の、地域金融機関等による無担保・無保証の融資が原則です。'
              }
            >
              {yenInputOf('funding.loan.amount', 'loanAmount')}
            </Field>
            <Field {...fieldOf('funding.loan.form')} label="融資か出資か" required>
              {(describedBy, invalid) => (
                <select
                  {...inputProps('funding.loan.form', describedBy, invalid)}
                  className="select"
                  value={form.loanForm}
                  onChange={(event) => update('loanForm', event.target.value)}
                >
                  <option value="loan">融資</option>
                  <option value="equity">出資</option>
                </select>
              )}
            </Field>
            <Field {...fieldOf('funding.loan.lenderType')} label="金融機関の種類" required>
              {(describedBy, invalid) => (
                <select
                  {...inputProps('funding.loan.lenderType', describedBy, invalid)}
                  className="select"
                  value={form.lenderType}
                  onChange={(event) => update('lenderType', event.target.value)}
                >
                  <option value="">選択してください</option>
                  <LenderTypeOptions counted={trackRules?.eligibleLenderTypes} />
                </select>
              )}
            </Field>
            <Field {...fieldOf('funding.loan.lenderName')} label="金融機関名">
              {(describedBy, invalid) => (
                <input
                  {...inputProps('funding.loan.lenderName', describedBy, invalid)}
                  className="input"
                  value={form.lenderName}
                  maxLength={200}
                  onChange={(event) => update('lenderName', event.target.value)}
                />
              )}
            </Field>
            <label className="choice">
              <input
                type="checkbox"
                id={fieldId('funding.loan.secured')}
                checked={form.secured}
                onChange={(event) => update('secured', event.target.checked)}
              />
              担保・保証を付ける
            </label>
            {warningsOf('funding.loan.secured').length > 0 && (
              <p className="field__warning">{joinSentences(warningsOf('funding.loan.secured'))}</p>
            )}
            {form.secured && (
              <Field
                {...fieldOf('funding.loan.securedReason')}
                label="担保・保証が必要な理由"
                // The national track warns of a secured loan without a reason; the local one does not ask.
                required={trackRules?.securedLoanWarns !== false}
              >
                {(describedBy, invalid) => (
                  <textarea
                    {...inputProps('funding.loan.securedReason', describedBy, invalid)}
                    className="textarea"
                    rows={3}
                    maxLength={2000}
                    value={form.securedReason}
                    onChange={(event) => update('securedReason', event.target.value)}
                  />
                )}
              </Field>
            )}
            <Field
              {...fieldOf('funding.ownFunds')}
              label="自己資金"
              required
              hint="0円の場合は「0」と入力してください。"
            >
              {yenInputOf('funding.ownFunds', 'ownFunds')}
            </Field>
          </Section>

          <Section id="section-priorities" title="5. 優先分野">
            <fieldset
              className="fieldset"
              id={fieldId('priorityCategories')}
              aria-describedby={
                warningsOf('priorityCategories').length > 0 ? 'priorities-warning' : undefined
              }
            >
              <legend>該当する優先分野（補助率の判定に使います）</legend>
              {Object.entries(PRIORITY_LABELS).map(([value, text]) => (
                <label key={value} className="choice">
                  <input
                    type="checkbox"
                    checked={form.priorityCategories.includes(value)}
                    onChange={(event) =>
                      update(
                        'priorityCategories',
                        event.target.checked
                          ? [...form.priorityCategories, value]
                          : form.priorityCategories.filter((category) => category !== value),
                      )
                    }
                  />
                  {text}
                </label>
              ))}
              {warningsOf('priorityCategories').length > 0 && (
                <p className="field__warning" id="priorities-warning">
                  {joinSentences(warningsOf('priorityCategories'))}
                </p>
              )}
            </fieldset>
          </Section>

          <Section id="section-schedule" title="6. 日程">
            <Field {...fieldOf('schedule.start')} label="事業開始日" required>
              {(describedBy, invalid) => (
                <input
                  {...inputProps('schedule.start', describedBy, invalid)}
                  type="date"
                  className="input input--medium"
                  value={form.start}
                  onChange={(event) => update('start', event.target.value)}
                />
              )}
            </Field>
            <Field
              {...fieldOf('schedule.completion')}
              label="事業完了日"
              required
              hint="原則として年度内（3月31日まで）に完了します。"
            >
              {(describedBy, invalid) => (
                <input
                  {...inputProps('schedule.completion', describedBy, invalid)}
                  type="date"
                  className="input input--medium"
                  value={form.completion}
                  onChange={(event) => update('completion', event.target.value)}
                />
              )}
            </Field>
            <Field
              {...fieldOf('schedule.extendedCompletionReason')}
              label="年度を越える理由"
              hint="完了日が年度を越える場合のみ記入してください。"
            >
              {(describedBy, invalid) => (
                <textarea
                  {...inputProps('schedule.extendedCompletionReason', describedBy, invalid)}
                  className="textarea"
                  rows={2}
                  maxLength={2000}
                  value={form.extendedCompletionReason}
                  onChange={(event) => update('extendedCompletionReason', event.target.value)}
                />
              )}
            </Field>
          </Section>

          <section className="form-section" aria-labelledby="section-documents">
            <h2 id="section-documents">添付書類</h2>
            <p>
              事業計画書・融資確約書などは、
              <a
                href={`/applications/${id}#documents`}
                onClick={linkHandler(`/applications/${id}#documents`)}
              >
                申請の詳細画面の「添付書類」
              </a>
              から提出できます（受領時にサイズと SHA-256
              を表示します）。この画面の入力内容は自動で保存されている（保存の状況は画面上部に表示します）ため、書類の提出に移っても失われません。
            </p>
          </section>

          <div className="actions">
            {local ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() =>
                  void autosave
                    .flush()
                    .then((revision) => revision !== undefined && navigate(`/applications/${id}`))
                }
              >
                保存して地域での確認・報告へ進む
              </button>
            ) : (
              <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
                {resubmission ? '再提出する…' : '提出する…'}
              </button>
            )}
          </div>
        </form>
        <CalculationPanel state={calc} onFillLargestGrant={fillLargestGrant} />
      </div>
      {confirming && (
        <SubmitDialog
          round={current}
          resubmission={resubmission}
          busy={submitting}
          onConfirm={() => void submit()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </main>
  );
}
