import { useEffect, useState } from 'react';
import { loadApplication } from '../../api/application-answers';
import { formatDateTime } from '../../format/dates';
import { STATUS_LABELS, label } from '../../messages/labels';
import { linkHandler } from '../../router';
import { ProgressSteps, type StepsProgress } from '../../ui/progress-steps';
import '../post-award/post-award.css';
import { messagesAt, type ShownIssue } from '../post-award/form-issues';
import { useAwardApplication, type ApplicationView } from '../post-award/use-award-application';
import { EarlierReturns } from './earlier-returns';
import { AttachedDocument, LocalConfirmationRecord } from './local-confirmation-record';
import { LocalConfirmationForm } from './local-confirmation-form';
import { LOCAL_CONFIRMATION_KIND_LABELS, LOCAL_STEPS } from './local-track-labels';
import { ReportToMicForm } from './report-to-mic-form';

/** A confirmed plan whose confirmation judges some requirement not met: it cannot be reported until confirmed again. */
const mustConfirmAgain = (application: ApplicationView): boolean =>
  application.status === 'locally_confirmed' &&
  Object.values(application.localConfirmation?.assessments ?? {}).some((assessment) => !assessment.met);

/**
 * How far the local track went: a draft is making its plan; a confirmed plan awaits its report
 * to MIC, as a returned report does again, unless its confirmation judges a requirement not met
 * (the confirmation is then still the step to take); a report awaits MIC's answer; once
 * acknowledged, every step is done.
 */
export function localProgressOf(application: ApplicationView): StepsProgress {
  const { status } = application;
  if (mustConfirmAgain(application)) return { taken: 1, current: 1 };
  const taken: Record<string, number> = { draft: 0, locally_confirmed: 2, returned: 2, reported_to_mic: 3 };
  if (status === 'acknowledged') return { taken: LOCAL_STEPS.length };
  return Object.hasOwn(taken, status) ? { taken: taken[status], current: taken[status] } : { taken: 0 };
}

const NEXT_STEP: Record<string, string> = {
  draft: '審査・確認の記録を「添付書類」から提出し、下のフォームで地域での確認を記録してください。',
  locally_confirmed: '補助要綱を「添付書類」から提出し、総務省へ報告してください。',
  reported_to_mic: '総務省の担当官の確認（受理又は差戻し）を待っています。',
  returned:
    '差戻しの理由に示された不足を補って、もう一度総務省へ報告してください。補助要綱を差し替える場合は「添付書類」から新しい補助要綱を提出して下で選び、事業計画を直す場合は「事業計画を修正する」から編集します。',
  acknowledged: '地方単独事業の手続はすべて完了しました。',
};

const UNMET_NEXT_STEP =
  '地域での確認で「満たさない」と判定された要件があるため、このままでは総務省へ報告できません。事業計画を見直し、地域での確認を記録し直してください。';

/**
 * The application once the read side holds an upload (an upload is a write: the forms' If-Match
 * must name the revision after it); read again for about five seconds at most.
 */
async function holdingDocument(
  id: string,
  documentId: string,
  stopped: () => boolean,
): Promise<ApplicationView | undefined> {
  for (let attempt = 0; attempt < 20 && !stopped(); attempt++) {
    const loaded = await loadApplication(id);
    const answer = 'answer' in loaded ? (loaded.answer as ApplicationView) : undefined;
    if (answer?.documents.some((document) => document.documentId === documentId))
      return stopped() ? undefined : answer;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return undefined;
}

function Progress({ application }: { application: ApplicationView }) {
  return (
    <>
      <p>
        現在の状態：
        <span className={`status status--${application.status}`} data-testid="local-status">
          {label(STATUS_LABELS, application.status)}
        </span>
      </p>
      <ProgressSteps
        label="地方単独事業の手続の進み具合"
        steps={LOCAL_STEPS.map((step) => step.label)}
        {...localProgressOf(application)}
      />
    </>
  );
}

/** The officer's answer to the current report, as the municipality reads it: 受理, or 差戻し with what is missing. */
function MicAnswer({ application }: { application: ApplicationView }) {
  const answer = application.acknowledgement;
  if (!answer || !['returned', 'acknowledged'].includes(application.status)) return null;
  const returned = answer.outcome === 'returned';
  return (
    <section className="notice" aria-labelledby="mic-answer-title" data-testid="mic-answer">
      <h3 id="mic-answer-title">{returned ? '総務省から差し戻されました' : '総務省に受理されました'}</h3>
      <p>
        {returned ? '差戻しの理由' : '総務省からのコメント'}：
        <span data-testid="mic-answer-reason">{answer.reason}</span>
      </p>
      <p className="muted">
        第{application.micReport?.reportNumber ?? 1}回の報告への回答（
        {formatDateTime(new Date(answer.answeredAt))}）
      </p>
    </section>
  );
}

/**
 * 地方単独事業の手続 on the municipality's application screen (local track): where the project
 * is on draft → 地域での確認 → 総務省へ報告 → 受理, the step the municipality takes now, and the
 * programme officer's answer.
 */
export function LocalStepSection({
  id,
  known,
  onWrite,
  awaitedDocument,
}: {
  id: string;
  /** The application as the screen has just read it. */
  known?: unknown;
  onWrite?: () => void;
  /** The document just uploaded on the same screen: the choices list it, and writes go against the revision that holds it. */
  awaitedDocument?: string;
}) {
  const { application, accept } = useAwardApplication(id, { known });
  const [done, setDone] = useState<string>();
  const [reconfirming, setReconfirming] = useState(false);
  const [reportIssues, setReportIssues] = useState<ShownIssue[]>([]);
  useEffect(() => {
    if (!awaitedDocument) return;
    let stopped = false;
    void holdingDocument(id, awaitedDocument, () => stopped).then((answer) => answer && accept(answer));
    return () => {
      stopped = true;
    };
  }, [id, awaitedDocument, accept]);
  if (!application) return null;
  const status = application.status;
  const confirmation = application.localConfirmation;
  const report = application.micReport;
  // Until the read side holds the upload, a write would name the revision before it (409).
  const holdsUpload =
    !awaitedDocument || application.documents.some((document) => document.documentId === awaitedDocument);
  const written = (message: string) => (answer: unknown) => {
    accept(answer);
    setDone(message);
    setReconfirming(false);
    setReportIssues([]);
    onWrite?.();
  };
  return (
    <section aria-labelledby="local-step-title" data-testid="local-step">
      <h2 id="local-step-title">地方単独事業の手続</h2>
      {done && (
        <div className="success" role="status" data-testid="local-step-done">
          <p>{done}</p>
        </div>
      )}
      <Progress application={application} />
      <MicAnswer application={application} />
      {NEXT_STEP[status] && (
        <p className="muted" data-testid="local-next-step">
          {mustConfirmAgain(application) ? UNMET_NEXT_STEP : NEXT_STEP[status]}
        </p>
      )}
      {/* After the answer and what comes next: the returns are history, read when wanted. */}
      {application.earlierReturns?.length ? (
        <section aria-labelledby="earlier-returns-title">
          <h3 id="earlier-returns-title">これまでの差戻し</h3>
          <EarlierReturns returns={application.earlierReturns} />
        </section>
      ) : null}
      {status === 'returned' && (
        <p>
          <a
            className="button"
            href={`/applications/${id}/edit`}
            onClick={linkHandler(`/applications/${id}/edit`)}
          >
            事業計画を修正する
          </a>
        </p>
      )}
      {report && (
        <dl className="figures" data-testid="mic-report">
          <dt>総務省への報告</dt>
          <dd>
            第{report.reportNumber}回（{formatDateTime(new Date(report.reportedAt))}）
          </dd>
          <dt>補助要綱</dt>
          <dd>
            <AttachedDocument application={application} documentId={report.schemeRulesDocumentId} />
          </dd>
        </dl>
      )}
      {confirmation && status !== 'draft' && (
        <section aria-labelledby="local-confirmation-title">
          <h3 id="local-confirmation-title">
            地域での確認：{label(LOCAL_CONFIRMATION_KIND_LABELS, confirmation.kind)}
          </h3>
          <LocalConfirmationRecord
            application={application}
            errorsAt={(fieldId) => (reconfirming ? [] : messagesAt(reportIssues, fieldId))}
          />
          {status === 'locally_confirmed' && !reconfirming && (
            <p>
              <button
                type="button"
                className="button button--text"
                onClick={() => {
                  setDone(undefined);
                  setReconfirming(true);
                }}
              >
                地域での確認を記録し直す
              </button>
            </p>
          )}
        </section>
      )}
      {(status === 'draft' || (status === 'locally_confirmed' && reconfirming)) && (
        <LocalConfirmationForm
          application={application}
          awaitedDocument={awaitedDocument}
          ready={holdsUpload}
          onRecorded={written('地域での確認を記録しました。')}
          onCancel={reconfirming ? () => setReconfirming(false) : undefined}
        />
      )}
      {(status === 'locally_confirmed' || status === 'returned') && !reconfirming && (
        <ReportToMicForm
          application={application}
          awaitedDocument={awaitedDocument}
          ready={holdsUpload}
          onIssues={(issues) => {
            setReportIssues(issues);
            // The last step's 記録しました would stand above a refusal of this one.
            if (issues.length > 0) setDone(undefined);
          }}
          onReported={written(
            status === 'returned' ? '総務省へ再度報告しました。' : '総務省へ報告しました。',
          )}
        />
      )}
    </section>
  );
}
