import { api } from '../../api/client';
import { formatYenWithMan } from '../../format/money';
import { fieldId } from '../../messages/field-labels';
import { navigate } from '../../router';
import { Field } from '../../ui/field';
import { fromPlan, toPlan, totalCost, type PlanForm } from '../application-form/plan-form';
import { CostLines } from '../application-form/cost-lines';
import { useChangedSinceOpened, useLeaveGuard } from '../../ui/use-leave-guard';
import { DocumentPicker, type DocumentRef } from './document-picker';
import type { FormFields } from './form-issues';
import { StepPage } from './step-page';
import { ifMatch, type ApplicationView, type AwardApplication } from './use-award-application';
import { submitOn, useWriteForm } from './use-write-form';
import { useKeptState } from '../../auth/use-kept-state';
import { YenField } from '../../ui/yen-field';
import { TextAreaField } from '../../ui/text-area-field';

const FIELDS: FormFields = {
  reason: { id: 'field-change-reason', label: '変更の理由' },
  documents: { id: 'field-documents', label: '添付書類' },
  plan: { id: 'field-costs-0-amount', label: '変更後の計画' },
};

function PlanChangeForm({ application, award }: { application: ApplicationView; award: AwardApplication }) {
  const [form, setForm] = useKeptState<PlanForm>(`plan-change.${application.id}.plan`, () =>
    fromPlan(application.plan),
  );
  const [reason, setReason] = useKeptState(`plan-change.${application.id}.reason`, () => '');
  const [documents, setDocuments] = useKeptState<DocumentRef[]>(
    `plan-change.${application.id}.documents`,
    () => [],
  );
  useLeaveGuard(useChangedSinceOpened([form, reason, documents]));
  const writing = useWriteForm(FIELDS, { unmetTitle: '変更後の計画が要件を満たしていません' });
  const decided = application.award?.grantDecision?.grant;
  const update = <K extends keyof PlanForm>(key: K, value: PlanForm[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const errorsOf = writing.errorsAtId;

  function send() {
    if (!reason.trim()) return writing.refuse('reason', '変更の理由を入力してください。');
    void writing.send(
      () =>
        api.POST('/v1/applications/{id}/plan-changes', {
          params: { path: { id: application.id }, header: ifMatch(application) },
          body: { plan: toPlan(form), reason: reason.trim(), documents },
        }),
      (answer) => {
        award.accept(answer);
        navigate(`/applications/${application.id}?done=plan-change`);
      },
    );
  }

  return (
    <>
      <p>
        変更後の計画を入力してください。経費区分の金額が20%を超えて変わる場合、完了日が年度を越える場合、事業者や目的が変わる場合は担当官の承認が必要です（それ以外は軽微な変更として直ちに反映されます）。交付額は交付決定額
        {decided !== undefined && (
          <>
            の<strong>{formatYenWithMan(decided)}</strong>
          </>
        )}
        を超えられません。
      </p>
      {writing.summary}
      <form className="form" noValidate aria-label="計画変更" onSubmit={submitOn(send)}>
        <section className="form-section" aria-labelledby="change-costs">
          <h2 id="change-costs">経費</h2>
          <CostLines
            rows={form.costs}
            update={(change) => setForm((previous) => ({ ...previous, costs: change(previous.costs) }))}
            lineName="経費"
            idOf={(index, part) => fieldId(`costs[${index}].${part}`)}
            errorsAt={errorsOf}
          />
          <p>
            総事業費：<strong data-testid="change-total-cost">{formatYenWithMan(totalCost(form))}</strong>
          </p>
        </section>
        <section className="form-section" aria-labelledby="change-funding">
          <h2 id="change-funding">資金構成</h2>
          <YenField
            id={fieldId('funding.grant')}
            label="交付額（自治体による公費助成）"
            value={form.grant}
            onChange={(value) => update('grant', value)}
            errors={errorsOf(fieldId('funding.grant'))}
          />
          <YenField
            id={fieldId('funding.loan.amount')}
            label="融資額（又は出資額）"
            value={form.loanAmount}
            onChange={(value) => update('loanAmount', value)}
            errors={errorsOf(fieldId('funding.loan.amount'))}
          />
          <YenField
            id={fieldId('funding.ownFunds')}
            label="自己資金"
            value={form.ownFunds}
            onChange={(value) => update('ownFunds', value)}
            errors={errorsOf(fieldId('funding.ownFunds'))}
          />
        </section>
        <section className="form-section" aria-labelledby="change-schedule">
          <h2 id="change-schedule">日程</h2>
          <Field
            id={fieldId('schedule.completion')}
            label="事業完了日"
            required
            errors={errorsOf(fieldId('schedule.completion'))}
          >
            {(describedBy, invalid) => (
              <input
                id={fieldId('schedule.completion')}
                type="date"
                className="input input--medium"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                value={form.completion}
                onChange={(event) => update('completion', event.target.value)}
              />
            )}
          </Field>
          <TextAreaField
            id={fieldId('schedule.extendedCompletionReason')}
            label="年度を越える理由"
            hint="完了日が年度を越える場合のみ記入してください。"
            errors={errorsOf(fieldId('schedule.extendedCompletionReason'))}
            rows={2}
            maxLength={2000}
            value={form.extendedCompletionReason}
            onChange={(text) => update('extendedCompletionReason', text)}
          />
        </section>
        <section className="form-section" aria-labelledby="change-reason">
          <h2 id="change-reason">変更理由と書類</h2>
          <TextAreaField
            id={FIELDS.reason.id}
            label={FIELDS.reason.label}
            required
            errors={errorsOf(FIELDS.reason.id)}
            value={reason}
            onChange={setReason}
          />
          <DocumentPicker
            id={FIELDS.documents.id}
            application={application}
            legend="変更承認申請書・根拠書類"
            selected={documents}
            onChange={setDocuments}
            errors={errorsOf(FIELDS.documents.id)}
          />
        </section>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={writing.busy}>
            計画変更を申請する
          </button>
        </div>
      </form>
    </>
  );
}

/** 計画変更: the whole changed plan and why; a minor change takes effect, a material one waits for the officer. */
export function PlanChangePage({ id }: { id: string }) {
  return (
    <StepPage id={id} title="計画変更の申請" allowedIn={['grant_decided']}>
      {(application, award) => <PlanChangeForm application={application} award={award} />}
    </StepPage>
  );
}
