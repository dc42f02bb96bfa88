import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api/client';
import { asProblem, problemHeadline } from '../../api/problems';
import { INTEGRITY_FAILURE_LABELS, label } from '../../messages/labels';
import { applicationStreamId, timelineEntryId, type VerificationReport } from './audit-views';

type Check =
  | { readonly state: 'idle' }
  | { readonly state: 'running' }
  | { readonly state: 'done'; readonly report: VerificationReport }
  | { readonly state: 'failed'; readonly message: string };

/** application-… streams read as 申請 …; the budget streams as …年度の予算. */
function streamLabel(streamId: string): string {
  if (streamId.startsWith('application-')) return `申請 ${streamId.slice('application-'.length)}`;
  if (streamId.startsWith('fiscal-year-')) return `${streamId.slice('fiscal-year-'.length)}年度の予算`;
  return streamId;
}

/**
 * What was checked, in words: one application's records, or the whole store's, with how many
 * applications and budgets they belong to (the scope's own words would say 申請と年度予算 twice).
 */
function checked(report: VerificationReport, scope: string, applicationId: string | undefined): string {
  const events = `記録 ${report.eventsChecked.toLocaleString('ja-JP')}件`;
  if (applicationId) return `${scope}の${events}`;
  return `申請と年度予算（計${report.streamsChecked.toLocaleString('ja-JP')}件）の${events}`;
}

function Verdict({
  report,
  scope,
  applicationId,
}: {
  report: VerificationReport;
  scope: string;
  applicationId?: string;
}) {
  if (report.ok)
    return (
      <div className="success" data-testid="integrity-result">
        <p>
          <strong>改ざんは見つかりませんでした。</strong>
        </p>
        <p>
          {checked(report, scope, applicationId)}
          について、ハッシュ連鎖を最初から計算し直し、保存されているハッシュ値とすべて一致することを確認しました。
        </p>
      </div>
    );
  const own = applicationId === undefined ? undefined : applicationStreamId(applicationId);
  return (
    <div className="error-summary" data-testid="integrity-result">
      <h3 className="audit-verdict__title">
        改ざん又は欠落の疑いがあります
        {applicationId ? '' : `（申請・年度予算 ${report.failures.length}件）`}
      </h3>
      <p>
        {checked(report, scope, applicationId)}
        のうち、次の箇所でハッシュ連鎖が途切れています。
        {applicationId ? '' : '申請や年度予算ごとに、'}最初に一致しなかった記録を示します。
      </p>
      <ul>
        {report.failures.map((failure) => (
          <li key={`${failure.streamId}-${failure.revision}`}>
            <span className="nowrap">{streamLabel(failure.streamId)}</span>：第{failure.revision}版 —{' '}
            {label(INTEGRITY_FAILURE_LABELS, failure.reason)}
            {failure.streamId === own && failure.reason !== 'head_mismatch' && (
              <>
                {' '}
                <a href={`#${timelineEntryId(failure.revision)}`}>履歴の第{failure.revision}版へ</a>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "Verify integrity": the server recomputes the hash chains (one application's, or every
 * stream's). The wait shows as an indeterminate progress bar, announced politely; the
 * verdict is a plain sentence either way.
 */
export function IntegrityCheck({
  applicationId,
  scope,
  onReport,
}: {
  applicationId?: string;
  scope: string;
  /** Given each finished check's report (the application's page marks the records it names). */
  onReport?: (report: VerificationReport) => void;
}) {
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const headingId = useId();
  // A check still running when the auditor leaves the page is called off: its verdict would
  // have nowhere to show, and the server stops hashing for nobody (the store's whole log, on
  // a decade of records, keeps it busy for tens of seconds).
  const leaving = useRef<AbortController | null>(null);
  useEffect(() => () => leaving.current?.abort(), []);

  async function run() {
    const controller = new AbortController();
    leaving.current = controller;
    setCheck({ state: 'running' });
    try {
      const { data, error, response } = await api.POST('/v1/audit/verifications', {
        body: applicationId ? { applicationId } : {},
        signal: controller.signal,
      });
      if (!data) setCheck({ state: 'failed', message: problemHeadline(asProblem(error, response.status)) });
      else {
        setCheck({ state: 'done', report: data });
        onReport?.(data);
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
  }

  return (
    <section className="audit-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>整合性の検証</h2>
      <p>
        {scope}
        のすべての記録について、ハッシュ連鎖（各記録が直前の記録のハッシュ値を含む仕組み）を計算し直し、記録が書き換えられたり削除されたりしていないかを確かめます。
      </p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void run()}
        disabled={check.state === 'running'}
      >
        整合性を検証する
      </button>
      <div aria-live="polite" className="audit-panel__live">
        {check.state === 'running' && (
          <p className="audit-progress">
            <label>
              検証中です…
              <progress className="audit-progress__bar" aria-label="検証の進み具合" />
            </label>
            <span className="audit-progress__note">このページを離れると、検証は中止されます。</span>
          </p>
        )}
        {check.state === 'done' && (
          <Verdict report={check.report} scope={scope} applicationId={applicationId} />
        )}
        {check.state === 'failed' && (
          <div className="error-summary" role="alert">
            <p>検証を実行できませんでした。{check.message}</p>
          </div>
        )}
      </div>
    </section>
  );
}
