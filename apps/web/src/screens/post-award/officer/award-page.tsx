import { useState } from 'react';
import { formatYen } from '../../../format/money';
import { DocumentsSection } from '../../documents/documents-section';
import { AwardProgress } from '../award-progress';
import { AWARD_STATUSES, LIMITED_BY_LABELS } from '../award-labels';
import { StepPage } from '../step-page';
import type { ApplicationView, AwardApplication } from '../use-award-application';
import {
  AmountConfirmationForm,
  GrantDecisionForm,
  PaymentForm,
  PlanChangeDecisionForm,
} from './award-actions';
import { PlanVsActualTable } from './plan-vs-actual-table';
import { ReportSummary } from '../report-summary';
import { label } from '../../../messages/labels';

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
      {confirmation && (
        <section aria-labelledby="confirmation-result-title" data-testid="confirmation-result">
          <h2 id="confirmation-result-title">額の確定の結果</h2>
          <dl className="figures">
            <dt>交付決定額</dt>
            <dd>{formatYen(confirmation.decidedGrant)}</dd>
            <dt>事業者への交付額（実績）</dt>
            <dd>{formatYen(confirmation.grantPaid)}</dd>
            <dt>実績で認められる最大額</dt>
            <dd>{formatYen(confirmation.largestAllowed)}</dd>
            <dt>確定額</dt>
            <dd data-testid="confirmed-grant">{formatYen(confirmation.confirmedGrant)}</dd>
            <dt>確定額を決めた要素</dt>
            <dd data-testid="limited-by">{label(LIMITED_BY_LABELS, confirmation.limitedBy)}</dd>
            {confirmation.reason && (
              <>
                <dt>減額の理由</dt>
                <dd>{confirmation.reason}</dd>
              </>
            )}
            <dt>確定した国費（交付金）</dt>
            <dd data-testid="confirmed-share">{formatYen(confirmation.funding.nationalShare)}</dd>
            <dt>予算に戻した国費</dt>
            <dd>{formatYen(confirmation.released)}</dd>
            {confirmation.refundDue > 0 && (
              <>
                <dt>返還額</dt>
                <dd className="overdue">{formatYen(confirmation.refundDue)}</dd>
              </>
            )}
          </dl>
          <PlanVsActualTable figures={confirmation.planVsActual} />
        </section>
      )}
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
      <DocumentsSection applicationId={application.id} canUpload={false} />
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
    >
      {(application, award) => <AwardWork application={application} award={award} />}
    </StepPage>
  );
}
