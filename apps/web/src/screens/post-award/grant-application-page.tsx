import { useState } from 'react';
import { api } from '../../api/client';
import type { Problem } from '../../api/problems';
import { formatCalendarDate } from '../../format/dates';
import { formatYenWithMan, parseYen } from '../../format/money';
import { navigate } from '../../router';
import { IssueSummary } from '../../ui/issue-summary';
import { DocumentPicker, type DocumentRef } from './document-picker';
import {
  describeIssues,
  messagesAt,
  summaryItems,
  summaryTitle,
  type FormFields,
  type ShownIssue,
} from './form-issues';
import { StepPage } from './step-page';
import { ifMatch, outcomeOf, type ApplicationView, type AwardApplication } from './use-award-application';
import { useKeptState } from '../../auth/use-kept-state';
import { YenField } from './yen-field';

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
    approved !== undefined ? String(approved) : '',
  );
  const [documents, setDocuments] = useKeptState<DocumentRef[]>(
    `grant-application.${application.id}.documents`,
    () => [],
  );
  const [issues, setIssues] = useState<ShownIssue[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  async function send() {
    const typed = parseYen(amount);
    if (typed === undefined) {
      setProblem(undefined);
      setIssues([
        {
          fieldId: FIELDS.amount.id,
          label: FIELDS.amount.label,
          message: '交付申請額を円単位の整数で入力してください。',
        },
      ]);
      return;
    }
    setBusy(true);
    const outcome = outcomeOf(
      await api.POST('/v1/applications/{id}/grant-application', {
        params: { path: { id: application.id }, header: ifMatch(application) },
        body: { amount: typed, documents },
      }),
    );
    setBusy(false);
    if ('problem' in outcome) {
      setProblem(outcome.problem);
      setIssues(describeIssues(outcome.problem, FIELDS));
      return;
    }
    award.accept(outcome.answer);
    navigate(`/applications/${application.id}?done=grant-application`);
  }

  return (
    <>
      <dl className="figures">
        <dt>採択額</dt>
        <dd data-testid="approved-grant">{approved !== undefined ? formatYenWithMan(approved) : '—'}</dd>
        <dt>交付申請の期限</dt>
        <dd data-testid="grant-application-due">
          {application.award && formatCalendarDate(application.award.grantApplicationDueDate)}
        </dd>
      </dl>
      {(issues.length > 0 || problem) && (
        <IssueSummary title={summaryTitle(problem)} items={summaryItems(issues)} />
      )}
      <form
        className="form"
        noValidate
        aria-label="交付申請"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
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
          errors={messagesAt(issues, FIELDS.amount.id)}
        />
        <DocumentPicker
          id={FIELDS.documents.id}
          applicationId={application.id}
          legend="交付申請書・添付書類"
          selected={documents}
          onChange={setDocuments}
          errors={messagesAt(issues, FIELDS.documents.id)}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
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
