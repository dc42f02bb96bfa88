import type { ReactNode } from 'react';
import { STATUS_LABELS, label } from '../../messages/labels';
import { linkHandler } from '../../router';
import { useAwardApplication, type AwardApplication, type ApplicationView } from './use-award-application';
import './post-award.css';
import { FailureAlert } from '../../ui/failure-alert';

/**
 * The frame of every screen after adoption: the way back, the project, and the step's form,
 * or why the step cannot be taken now.
 */
export function StepPage({
  id,
  title,
  allowedIn,
  back = { path: `/applications/${id}`, text: '申請の詳細' },
  withLedger = false,
  children,
}: {
  id: string;
  title: string;
  /** The step shows the award ledger's row (due dates): it is read beside the application. */
  withLedger?: boolean;
  /** Statuses in which this step can be taken. */
  allowedIn: readonly string[];
  back?: { path: string; text: string };
  children: (application: ApplicationView, award: AwardApplication) => ReactNode;
}) {
  const award = useAwardApplication(id, { ledger: withLedger });
  const { application, failure } = award;
  return (
    <main id="main" className="page">
      <p>
        <a href={back.path} onClick={linkHandler(back.path)}>
          ← {back.text}
        </a>
      </p>
      <h1>{title}</h1>
      <FailureAlert message={failure} />
      {!application && !failure && <p>読み込み中…</p>}
      {application && (
        <>
          <p className="lead">
            {application.plan.projectTitle ?? '（事業名未入力）'}
            {application.municipalityName && (
              <span className="muted">（{application.municipalityName}）</span>
            )}
          </p>
          {allowedIn.includes(application.status) ? (
            children(application, award)
          ) : (
            <div className="notice" role="status">
              <p>現在の状態（{label(STATUS_LABELS, application.status)}）では、この手続は行えません。</p>
            </div>
          )}
        </>
      )}
    </main>
  );
}
