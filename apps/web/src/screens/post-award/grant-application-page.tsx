import { api } from '../../api/client';
import { formatYenWithMan, parseYen, yenInputText } from '../../format/money';
import { navigate } from '../../router';
import { DocumentPicker, type DocumentRef } from './document-picker';
import type { FormFields } from './form-issues';
import { StepPage } from './step-page';
import { ifMatch, type ApplicationView, type AwardApplication } from './use-award-application';
import { submitOn, useWriteForm } from './use-write-form';
import { useKeptState } from '../../auth/use-kept-state';
import { YenField } from '../../ui/yen-field';
import { CalendarDate } from '../../ui/calendar-date';
import { useChangedSinceOpened, useLeaveGuard } from '../../ui/use-leave-guard';

const FIELDS: FormFields = {
  amount: { id: 'field-amount', label: '交付申請額' },
  documents: { id: 'field-documents', label: '添付書類' },
};

function GrantApplicationForm({
  application,
  award,
}: {
  application: ApplicationView;
  award: AwardApplication;
}) {
  const approved = application.decision?.approvedGrant;
  const [amount, setAmount] = useKeptState(`grant-application.${application.id}.amount`, () =>
    yenInputText(approved),
  );
  const [documents, setDocuments] = useKeptState<DocumentRef[]>(
    `grant-application.${application.id}.documents`,
    () => [],
  );
  useLeaveGuard(useChangedSinceOpened([amount, documents]));
  const form = useWriteForm(FIELDS);

  function send() {
    const typed = parseYen(amount);
    if (typed === undefined) return form.refuse('amount', '交付申請額を円単位の整数で入力してください。');
    void form.send(
      () =>
        api.POST('/v1/applications/{id}/grant-application', {
          params: { path: { id: application.id }, header: ifMatch(application) },
          body: { amount: typed, documents },
        }),
      (answer) => {
        award.accept(answer);
        navigate(`/applications/${application.id}?done=grant-application`);
      },
    );
  }

  return (
    <>
      <dl className="figures">
        <dt>採択額</dt>
        <dd data-testid="approved-grant">{approved !== undefined ? formatYenWithMan(approved) : '—'}</dd>
        <dt>交付申請の期限</dt>
        <dd data-testid="grant-application-due">
          {application.award && <CalendarDate date={application.award.grantApplicationDueDate} />}
        </dd>
      </dl>
      {form.summary}
      <form className="form" noValidate aria-label="交付申請" onSubmit={submitOn(send)}>
        <YenField
          id={FIELDS.amount.id}
          label={FIELDS.amount.label}
          hint={
            approved !== undefined
              ? `採択額は${formatYenWithMan(approved)}です。この額以下で入力してください。`
              : undefined
          }
          value={amount}
          onChange={setAmount}
          errors={form.errorsAt('amount')}
        />
        <DocumentPicker
          id={FIELDS.documents.id}
          application={application}
          legend="交付申請書・添付書類"
          selected={documents}
          onChange={setDocuments}
          errors={form.errorsAt('documents')}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={form.busy}>
            交付申請を提出する
          </button>
        </div>
      </form>
    </>
  );
}

/** 交付申請: the municipality applies for at most the approved grant, within 30 days of adoption. */
export function GrantApplicationPage({ id }: { id: string }) {
  return (
    <StepPage id={id} title="交付申請" allowedIn={['adopted']}>
      {(application, award) => <GrantApplicationForm application={application} award={award} />}
    </StepPage>
  );
}
