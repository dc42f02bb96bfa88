import { DownloadLink } from '../documents/document-list';
import type { ApplicationView } from '../post-award/use-award-application';
import '../review/review.css';
import { LOCAL_REQUIREMENTS, LOCAL_REQUIREMENT_LABELS } from './local-track-labels';
import { verdictLabel } from '../../messages/labels';
import { CalendarDate } from '../../ui/calendar-date';

/** The HTML id of a recorded verdict's row: where a report refused for that requirement links to. */
export const recordedAssessmentId = (requirement: string) => `recorded-assessment-${requirement}`;

/** The attached document as a download link under its own name (its id if it is not in the list). */
export function AttachedDocument({
  application,
  documentId,
}: {
  application: ApplicationView;
  documentId?: string;
}) {
  if (!documentId) return <>—</>;
  const document = application.documents.find((candidate) => candidate.documentId === documentId);
  return document ? (
    <DownloadLink applicationId={application.id} documentId={documentId} name={document.name} />
  ) : (
    <>{documentId}</>
  );
}

/**
 * 有識者の審査 or 商工会議所等の確認 as recorded: who, when, the document, a verdict per
 * requirement; a refused report's message about a verdict is shown beside it.
 */
export function LocalConfirmationRecord({
  application,
  errorsAt = () => [],
}: {
  application: ApplicationView;
  /** The messages about a verdict, by its row's id (recordedAssessmentId). */
  errorsAt?: (id: string) => readonly string[];
}) {
  const confirmation = application.localConfirmation;
  if (!confirmation) return null;
  const { assessments } = confirmation;
  return (
    <div data-testid="local-confirmation-record">
      <dl className="figures">
        <dt>確認した者</dt>
        <dd>{confirmation.by}</dd>
        <dt>確認日</dt>
        <dd>
          <CalendarDate date={confirmation.on} />
        </dd>
        <dt>記録の書類</dt>
        <dd>
          <AttachedDocument application={application} documentId={confirmation.documentId} />
        </dd>
      </dl>
      <table className="table">
        <caption className="visually-hidden">要件ごとの判定</caption>
        <thead>
          <tr>
            <th scope="col">要件</th>
            <th scope="col">判定</th>
            <th scope="col">コメント</th>
          </tr>
        </thead>
        <tbody>
          {LOCAL_REQUIREMENTS.map((requirement) => (
            <tr key={requirement} id={recordedAssessmentId(requirement)} tabIndex={-1}>
              <th scope="row">{LOCAL_REQUIREMENT_LABELS[requirement]}</th>
              <td className={assessments[requirement].met ? 'verdict--met' : 'verdict--unmet'}>
                {verdictLabel(assessments[requirement].met)}
              </td>
              <td>
                {assessments[requirement].comment}
                {errorsAt(recordedAssessmentId(requirement)).length > 0 && (
                  <p className="field__error">{errorsAt(recordedAssessmentId(requirement)).join(' ')}</p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
