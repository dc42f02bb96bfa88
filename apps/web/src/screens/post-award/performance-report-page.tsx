import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { daysLeftText } from '../../format/dates';
import { formatYenWithMan, parseYen, yenInputText } from '../../format/money';
import { LENDER_TYPE_LABELS } from '../../messages/labels';
import { navigate } from '../../router';
import { Field } from '../../ui/field';
import { LabelOptions } from '../../ui/label-options';
import { fromPlan, type CostRow } from '../application-form/plan-form';
import { CostLines } from '../application-form/cost-lines';
import { DocumentPicker, type DocumentRef } from './document-picker';
import { FinancingMismatch } from './financing-mismatch';
import type { FormFields, ShownIssue } from './form-issues';
import { StepPage } from './step-page';
import {
  ifMatch,
  type ApplicationView,
  type AwardApplication,
  type LedgerItem,
} from './use-award-application';
import { submitOn, useWriteForm } from './use-write-form';
import { useKeptState } from '../../auth/use-kept-state';
import { YenField } from '../../ui/yen-field';
import { CalendarDate } from '../../ui/calendar-date';
import { useChangedSinceOpened, useLeaveGuard } from '../../ui/use-leave-guard';

type ReportBody = components['schemas']['PerformanceReportDto'];

const FIELDS: FormFields = {
  actualCosts: { id: 'field-actualCosts-0-amount', label: '実績経費' },
  'actualFinancing.loan.amount': { id: 'field-actual-loan-amount', label: '融資額（又は出資額）の実績' },
  'actualFinancing.loan.lenderType': { id: 'field-actual-lender-type', label: '金融機関の種類' },
  'actualFinancing.ownFunds': { id: 'field-actual-own-funds', label: '自己資金の実績' },
  grantPaid: { id: 'field-grant-paid', label: '事業者に交付した額' },
  completedOn: { id: 'field-completed-on', label: '事業完了日' },
  documents: { id: 'field-documents', label: '添付書類' },
};
const costId = (index: number, part: keyof CostRow) => `field-actualCosts-${index}-${part}`;

interface ReportForm {
  readonly costs: readonly CostRow[];
  readonly loanAmount: string;
  readonly loanForm: string;
  readonly lenderType: string;
  readonly ownFunds: string;
  readonly grantPaid: string;
  readonly completedOn: string;
}

/** Planned figures as the starting point: the officer corrects them to what was actually spent and drawn. */
function initialForm(application: ApplicationView): ReportForm {
  const plan = fromPlan(application.plan);
  const decided = application.award?.grantDecision?.grant;
  return {
    costs: plan.costs,
    loanAmount: plan.loanAmount,
    loanForm: plan.loanForm,
    lenderType: plan.lenderType,
    ownFunds: plan.ownFunds,
    grantPaid: decided !== undefined ? yenInputText(decided) : plan.grant,
    completedOn: plan.completion,
  };
}

/** An amount left empty is asked for; one typed wrong is asked again as whole yen. */
const yenMessage = (name: string, typed: string, ifEmpty = ''): string =>
  typed.trim() === '' ? `${name}を入力してください${ifEmpty}。` : `${name}は円単位の整数で入力してください。`;

/** What can be checked before sending: every figure whole yen, every required field filled. */
function missingOf(form: ReportForm): ShownIssue[] {
  const issues: ShownIssue[] = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) issues.push({ fieldId: FIELDS[field].id, label: FIELDS[field].label, message });
  };
  form.costs.forEach((row, index) => {
    if (parseYen(row.amount) === undefined)
      issues.push({
        fieldId: costId(index, 'amount'),
        label: `実績経費${index + 1}行目`,
        message: yenMessage(`実績経費${index + 1}行目の金額`, row.amount),
      });
  });
  need(
    parseYen(form.loanAmount) !== undefined,
    'actualFinancing.loan.amount',
    yenMessage('融資額（又は出資額）の実績', form.loanAmount),
  );
  need(form.lenderType !== '', 'actualFinancing.loan.lenderType', '金融機関の種類を選んでください。');
  need(
    parseYen(form.ownFunds) !== undefined,
    'actualFinancing.ownFunds',
    yenMessage('自己資金の実績', form.ownFunds, '（0円の場合は「0」）'),
  );
  need(parseYen(form.grantPaid) !== undefined, 'grantPaid', yenMessage('事業者に交付した額', form.grantPaid));
  need(/^\d{4}-\d{2}-\d{2}$/.test(form.completedOn), 'completedOn', '事業完了日を入力してください。');
  return issues;
}

function toBody(form: ReportForm, documents: DocumentRef[]): ReportBody {
  return {
    actualCosts: form.costs.map((row) => ({
      category: row.category as ReportBody['actualCosts'][number]['category'],
      amount: parseYen(row.amount)!,
      ...(row.description.trim() ? { description: row.description.trim() } : {}),
    })),
    actualFinancing: {
      loan: {
        amount: parseYen(form.loanAmount)!,
        form: form.loanForm as ReportBody['actualFinancing']['loan']['form'],
        lenderType: form.lenderType as ReportBody['actualFinancing']['loan']['lenderType'],
      },
      ownFunds: parseYen(form.ownFunds)!,
    },
    grantPaid: parseYen(form.grantPaid)!,
    completedOn: form.completedOn,
    documents,
  };
}

function PerformanceReportForm({
  application,
  award,
  ledger,
}: {
  application: ApplicationView;
  award: AwardApplication;
  ledger?: LedgerItem;
}) {
  const [form, setForm] = useKeptState<ReportForm>(`performance-report.${application.id}.form`, () =>
    initialForm(application),
  );
  const [documents, setDocuments] = useKeptState<DocumentRef[]>(
    `performance-report.${application.id}.documents`,
    () => [],
  );
  useLeaveGuard(useChangedSinceOpened([form, documents]));
  const writing = useWriteForm(FIELDS);
  const update = <K extends keyof ReportForm>(key: K, value: ReportForm[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const errorsOf = writing.errorsAtId;
  const due = ledger?.due?.kind === 'performance_report' ? ledger.due : undefined;
  const total = form.costs.reduce((sum, row) => sum + (parseYen(row.amount) ?? 0), 0);

  function send() {
    const missing = missingOf(form);
    if (missing.length > 0) return writing.refuseAll(missing);
    void writing.send(
      () =>
        api.POST('/v1/applications/{id}/performance-report', {
          params: { path: { id: application.id }, header: ifMatch(application) },
          body: toBody(form, documents),
        }),
      (answer) => {
        award.accept(answer);
        navigate(`/applications/${application.id}?done=performance-report`);
      },
    );
  }

  return (
    <>
      <dl className="figures">
        <dt>交付決定額</dt>
        <dd>
          {application.award?.grantDecision ? formatYenWithMan(application.award.grantDecision.grant) : '—'}
        </dd>
        <dt>実績報告の期限</dt>
        <dd data-testid="report-due">
          {due ? (
            <>
              <CalendarDate date={due.dueDate} />
              <strong className={due.overdue ? 'overdue' : undefined}>
                （{daysLeftText(due.daysRemaining)}）
              </strong>
            </>
          ) : (
            '事業完了の1か月後又は翌年度4月10日のいずれか早い日'
          )}
        </dd>
      </dl>
      {writing.summary}
      <form className="form" noValidate aria-label="実績報告" onSubmit={submitOn(send)}>
        <section className="form-section" aria-labelledby="report-costs">
          <h2 id="report-costs">経費の実績</h2>
          <p className="muted">計画の金額を初期値として表示しています。実際に支出した額に直してください。</p>
          <CostLines
            rows={form.costs}
            update={(change) => setForm((previous) => ({ ...previous, costs: change(previous.costs) }))}
            lineName="実績経費"
            idOf={costId}
            errorsAt={errorsOf}
          />
          <p>
            実績の総事業費：<strong data-testid="report-total-cost">{formatYenWithMan(total)}</strong>
          </p>
        </section>
        <section className="form-section" aria-labelledby="report-financing">
          <h2 id="report-financing">資金の実績</h2>
          <YenField
            id={FIELDS['actualFinancing.loan.amount'].id}
            label={FIELDS['actualFinancing.loan.amount'].label}
            value={form.loanAmount}
            onChange={(value) => update('loanAmount', value)}
            errors={errorsOf(FIELDS['actualFinancing.loan.amount'].id)}
          />
          <Field
            id={FIELDS['actualFinancing.loan.lenderType'].id}
            label={FIELDS['actualFinancing.loan.lenderType'].label}
            required
            errors={errorsOf(FIELDS['actualFinancing.loan.lenderType'].id)}
          >
            {(describedBy, invalid) => (
              <select
                id={FIELDS['actualFinancing.loan.lenderType'].id}
                className="select"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                value={form.lenderType}
                onChange={(event) => update('lenderType', event.target.value)}
              >
                <option value="">選択してください</option>
                <LabelOptions labels={LENDER_TYPE_LABELS} />
              </select>
            )}
          </Field>
          <YenField
            id={FIELDS['actualFinancing.ownFunds'].id}
            label={FIELDS['actualFinancing.ownFunds'].label}
            hint="0円の場合は「0」と入力してください。"
            value={form.ownFunds}
            onChange={(value) => update('ownFunds', value)}
            errors={errorsOf(FIELDS['actualFinancing.ownFunds'].id)}
          />
          <YenField
            id={FIELDS.grantPaid.id}
            label={FIELDS.grantPaid.label}
            hint="自治体が事業者に実際に交付した額（公費助成の実績）"
            value={form.grantPaid}
            onChange={(value) => update('grantPaid', value)}
            errors={errorsOf(FIELDS.grantPaid.id)}
          />
          <FinancingMismatch
            costs={form.costs.map((row) => parseYen(row.amount))}
            financing={[form.loanAmount, form.ownFunds, form.grantPaid].map(parseYen)}
            advice="金額を確認してください（このまま提出することもできます）。"
          />
        </section>
        <section className="form-section" aria-labelledby="report-completion">
          <h2 id="report-completion">完了と書類</h2>
          <Field
            id={FIELDS.completedOn.id}
            label={FIELDS.completedOn.label}
            required
            errors={errorsOf(FIELDS.completedOn.id)}
          >
            {(describedBy, invalid) => (
              <input
                id={FIELDS.completedOn.id}
                type="date"
                className="input input--medium"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                value={form.completedOn}
                onChange={(event) => update('completedOn', event.target.value)}
              />
            )}
          </Field>
          <DocumentPicker
            id={FIELDS.documents.id}
            application={application}
            legend="実績報告書・証拠書類（領収書・写真など）"
            selected={documents}
            onChange={setDocuments}
            errors={errorsOf(FIELDS.documents.id)}
          />
        </section>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={writing.busy}>
            実績報告を提出する
          </button>
        </div>
      </form>
    </>
  );
}

/** 実績報告: actual costs and financing, the grant paid to the business, completion, evidence. */
export function PerformanceReportPage({ id }: { id: string }) {
  return (
    <StepPage id={id} title="実績報告" allowedIn={['grant_decided']} withLedger>
      {(application, award) => (
        <PerformanceReportForm application={application} award={award} ledger={award.ledger} />
      )}
    </StepPage>
  );
}
