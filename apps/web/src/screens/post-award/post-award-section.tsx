import { useState } from 'react';
import { linkHandler } from '../../router';
import { AbandonmentDialog } from './abandonment-dialog';
import { AwardProgress } from './award-progress';
import { ConfirmationResult } from './confirmation-result';
import { ReportSummary } from './report-summary';
import { useAwardApplication } from './use-award-application';

const DONE_MESSAGES: Record<string, string> = {
  'grant-application': '交付申請を提出しました。',
  'plan-change': '計画変更を申請しました。',
  'performance-report': '実績報告を提出しました。',
};

/**
 * The sentence confirming the step whose form sent the municipality back here (?done=…), for
 * the top of the application's screen: the section itself is far down the page.
 */
export function postAwardDoneMessage(): string | undefined {
  return DONE_MESSAGES[new URLSearchParams(window.location.search).get('done') ?? ''];
}

function StepLink({ path, children }: { path: string; children: string }) {
  return (
    <a className="button button--primary" href={path} onClick={linkHandler(path)}>
      {children}
    </a>
  );
}

/**
 * 採択後の手続 on the municipality's application screen: the award's state and figures, the
 * due dates, and the next step the municipality can take.
 */
export function PostAwardSection({
  id,
  known,
  onWrite,
}: {
  id: string;
  /** The application as the screen has just read it. */
  known?: unknown;
  onWrite?: () => void;
}) {
  const { application, ledger, accept } = useAwardApplication(id, { ledger: true, known });
  const [abandoning, setAbandoning] = useState(false);
  const [asked, setAsked] = useState(false);
  if (!application?.award) return null;
  const status = application.status;
  const pending = application.award.changes.find((change) => change.outcome === 'pending');
  const mayAbandon = !pending && ['adopted', 'grant_applied', 'grant_decided'].includes(status);
  return (
    <section aria-labelledby="post-award-title" className="post-award" data-testid="post-award">
      <h2 id="post-award-title">採択後の手続</h2>
      {asked && (
        <div className="success" role="status">
          <p>中止・廃止を申請しました。</p>
        </div>
      )}
      <AwardProgress application={application} ledger={ledger} />
      {/* What the municipality reported stays readable: the officer confirms the amount from it. */}
      <ReportSummary
        application={application}
        mismatchAdvice={
          status === 'reported'
            ? '報告の内容に誤りがある場合は、額の確定の前に担当官へ連絡してください。'
            : undefined
        }
      />
      {/* The amount the grant was fixed at, what limited it, and the plan beside the actual figures. */}
      {application.award.confirmation && (
        <ConfirmationResult confirmation={application.award.confirmation} heading="h3" />
      )}
      <div className="step-actions">
        {status === 'adopted' && (
          <StepLink path={`/applications/${id}/grant-application`}>交付申請を行う</StepLink>
        )}
        {status === 'grant_decided' && (
          <>
            <StepLink path={`/applications/${id}/performance-report`}>実績報告を行う</StepLink>
            <StepLink path={`/applications/${id}/plan-change`}>計画変更を申請する</StepLink>
          </>
        )}
      </div>
      <p className="muted" data-testid="next-step">
        {status === 'grant_applied' && '担当官の交付決定を待っています。'}
        {status === 'change_requested' &&
          pending &&
          (pending.kind === 'abandonment'
            ? '中止・廃止の承認を待っています。'
            : '計画変更の承認を待っています。')}
        {status === 'reported' && '担当官による額の確定を待っています。'}
        {status === 'amount_confirmed' && '国費（交付金）の支払（精算払）を待っています。'}
        {status === 'paid' && '支払まで完了しました。'}
        {status === 'abandoned' && 'この事業は中止・廃止されました。'}
      </p>
      {mayAbandon && (
        <p>
          <button type="button" className="button button--danger" onClick={() => setAbandoning(true)}>
            事業の中止・廃止を申請する…
          </button>
        </p>
      )}
      {abandoning && (
        <AbandonmentDialog
          application={application}
          onCancel={() => setAbandoning(false)}
          onDone={(answer) => {
            setAbandoning(false);
            setAsked(true);
            accept(answer);
            onWrite?.();
          }}
        />
      )}
    </section>
  );
}
