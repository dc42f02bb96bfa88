import { useState } from 'react';
import { useKeptState } from '../../auth/use-kept-state';
import { api } from '../../api/client';
import { formatDateTime } from '../../format/dates';
import { formatYenWithMan } from '../../format/money';
import { STATUS_LABELS, label } from '../../messages/labels';
import { ChoiceFieldset } from '../../ui/choice-fieldset';
import { DocumentsSection } from '../documents/documents-section';
import type { FormFields } from '../post-award/form-issues';
import { StepPage } from '../post-award/step-page';
import { ifMatch, type ApplicationView, type AwardApplication } from '../post-award/use-award-application';
import { submitOn, useWriteForm } from '../post-award/use-write-form';
import { EarlierReturns } from './earlier-returns';
import { AttachedDocument, LocalConfirmationRecord } from './local-confirmation-record';
import { LOCAL_CONFIRMATION_KIND_LABELS } from './local-track-labels';
import { TextAreaField } from '../../ui/text-area-field';

const FIELDS: FormFields = {
  outcome: { id: 'field-mic-outcome', label: '判断' },
  reason: { id: 'field-mic-reason', label: '理由' },
};

function AcknowledgementForm({
  application,
  award,
}: {
  application: ApplicationView;
  award: AwardApplication;
}) {
  const [outcome, setOutcome] = useKeptState<'acknowledged' | 'returned' | ''>(
    `local-report-acknowledgement.${application.id}.outcome`,
    () => '',
  );
  const [reason, setReason] = useKeptState(`local-report-acknowledgement.${application.id}.reason`, () => '');
  const form = useWriteForm(FIELDS);

  function send() {
    if (!outcome) return form.refuse('outcome', '受理するか差し戻すかを選んでください。');
    if (!reason.trim())
      return form.refuse(
        'reason',
        outcome === 'returned'
          ? '差し戻す理由（不足している内容）を入力してください。'
          : '理由を入力してください。',
      );
    void form.send(
      () =>
        api.POST('/v1/applications/{id}/acknowledgement', {
          params: { path: { id: application.id }, header: ifMatch(application) },
          body: { outcome, reason: reason.trim() },
        }),
      (answer) => award.accept(answer),
    );
  }

  return (
    <form
      className="form action-form"
      noValidate
      aria-labelledby="acknowledgement-title"
      onSubmit={submitOn(send)}
    >
      <h2 id="acknowledgement-title">受理又は差戻し</h2>
      {form.summary}
      <ChoiceFieldset
        id={FIELDS.outcome.id}
        legend={FIELDS.outcome.label}
        name="mic-outcome"
        choices={[
          { value: 'acknowledged', label: '受理する' },
          { value: 'returned', label: '差し戻す（不足を示す）' },
        ]}
        value={outcome}
        onChange={setOutcome}
        errors={form.errorsAt('outcome')}
      />
      <TextAreaField
        id={FIELDS.reason.id}
        label="理由"
        required
        hint="差し戻す場合は、不足している内容を具体的に記入してください。"
        errors={form.errorsAt('reason')}
        value={reason}
        onChange={setReason}
      />
      <button type="submit" className="button button--primary" disabled={form.busy}>
        決定する
      </button>
    </form>
  );
}

function LocalReport({ application, award }: { application: ApplicationView; award: AwardApplication }) {
  const confirmation = application.localConfirmation;
  const report = application.micReport;
  const answer = application.acknowledgement;
  // The status this screen opened with: an answer given here is confirmed above the report.
  const [shownStatus] = useState(application.status);
  return (
    <>
      {answer && shownStatus !== application.status && (
        <div className="success" role="status" data-testid="acknowledgement-done">
          <p>{answer.outcome === 'acknowledged' ? '受理しました。' : '差し戻しました。'}</p>
        </div>
      )}
      <dl className="figures" data-testid="local-report">
        <dt>状態</dt>
        <dd>
          <span className={`status status--${application.status}`} data-testid="local-status">
            {label(STATUS_LABELS, application.status)}
          </span>
        </dd>
        <dt>報告</dt>
        <dd>
          {report ? `第${report.reportNumber}回（${formatDateTime(new Date(report.reportedAt))}）` : '—'}
        </dd>
        <dt>補助要綱</dt>
        <dd>
          <AttachedDocument application={application} documentId={report?.schemeRulesDocumentId} />
        </dd>
        <dt>交付額（自治体の助成）</dt>
        <dd>{application.funding ? formatYenWithMan(application.funding.grant) : '—'}</dd>
        <dt>特別交付税措置分</dt>
        <dd data-testid="special-tax-share">
          {application.funding ? formatYenWithMan(application.funding.specialTaxShare) : '—'}
        </dd>
        {answer && (
          <>
            <dt>担当官の判断</dt>
            <dd>
              {answer.outcome === 'acknowledged' ? '受理' : '差戻し'}：{answer.reason}
              <span className="muted">
                （第{report?.reportNumber ?? 1}回の報告への回答・{formatDateTime(new Date(answer.answeredAt))}
                ）
              </span>
            </dd>
          </>
        )}
        {application.earlierReturns?.length ? (
          <>
            <dt>これまでの差戻し</dt>
            <dd>
              <EarlierReturns returns={application.earlierReturns} />
            </dd>
          </>
        ) : null}
      </dl>
      {confirmation && (
        <section aria-labelledby="local-confirmation-title">
          <h2 id="local-confirmation-title">{label(LOCAL_CONFIRMATION_KIND_LABELS, confirmation.kind)}</h2>
          <LocalConfirmationRecord application={application} />
        </section>
      )}
      {application.status === 'reported_to_mic' && (
        <AcknowledgementForm application={application} award={award} />
      )}
      <DocumentsSection applicationId={application.id} canUpload={false} known={application.documents} />
    </>
  );
}

/** One local-track report to MIC: what the municipality confirmed and attached, and the officer's answer. */
export function LocalReportPage({ id }: { id: string }) {
  return (
    <StepPage
      id={id}
      title="地方単独事業の報告"
      back={{ path: '/local-track', text: '地方単独事業の報告の一覧' }}
      allowedIn={['reported_to_mic', 'acknowledged', 'returned', 'locally_confirmed']}
    >
      {(application, award) => <LocalReport application={application} award={award} />}
    </StepPage>
  );
}
