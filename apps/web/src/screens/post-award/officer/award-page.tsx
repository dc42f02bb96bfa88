import { useState } from 'react';
import { DocumentsSection } from '../../documents/documents-section';
import { AwardProgress } from '../award-progress';
import { AWARD_STATUSES } from '../award-labels';
import { ConfirmationResult } from '../confirmation-result';
import { StepPage } from '../step-page';
import type { ApplicationView, AwardApplication } from '../use-award-application';
import {
  AmountConfirmationForm,
  GrantDecisionForm,
  PaymentForm,
  PlanChangeDecisionForm,
} from './award-actions';
import { ReportSummary } from '../report-summary';

const WAITING: Record<string, string> = {
  adopted: '自治体の交付申請を待っています。',
  grant_decided: '自治体の実績報告（又は計画変更の申請）を待っています。',
  paid: '支払まで完了しました。',
  abandoned: 'この事業は中止・廃止されました。',
};

function AwardWork({ application, award }: { application: ApplicationView; award: AwardApplication }) {
  const [done, setDone] = useState<string>();
  const onDone = (answer: unknown, message: string) => {
    award.accept(answer);
    setDone(message);
  };
  const confirmation = application.award?.confirmation;
  return (
    <>
      {done && (
        <div className="success" role="status" data-testid="award-done">
          <p>{done}</p>
        </div>
      )}
      <AwardProgress application={application} ledger={award.ledger} />
      {application.status === 'reported' && (
        <ReportSummary
          application={application}
          mismatchAdvice="額の確定の前に、報告の内容を市町村に確認してください。"
        />
      )}
      {confirmation && <ConfirmationResult confirmation={confirmation} />}
      <div className="officer-action">
        {application.status === 'grant_applied' && (
          <GrantDecisionForm application={application} onDone={onDone} />
        )}
        {application.status === 'change_requested' && (
          <PlanChangeDecisionForm application={application} onDone={onDone} />
        )}
        {application.status === 'reported' && (
          <AmountConfirmationForm application={application} onDone={onDone} />
        )}
        {application.status === 'amount_confirmed' && (
          <PaymentForm application={application} onDone={onDone} />
        )}
        {WAITING[application.status] && (
          <p className="notice" data-testid="award-waiting">
            {WAITING[application.status]}
          </p>
        )}
      </div>
      <DocumentsSection applicationId={application.id} canUpload={false} known={application.documents} />
    </>
  );
}

/** The programme officer's screen for one award: its state and figures, and the step that is the officer's to take. */
export function AwardPage({ id }: { id: string }) {
  return (
    <StepPage
      id={id}
      title="交付手続"
      back={{ path: '/awards', text: '交付手続の一覧' }}
      allowedIn={AWARD_STATUSES}
      withLedger
    >
      {(application, award) => <AwardWork application={application} award={award} />}
    </StepPage>
  );
}
