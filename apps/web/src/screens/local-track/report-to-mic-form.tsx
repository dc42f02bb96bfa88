import { api } from '../../api/client';
import type { Problem } from '../../api/problems';
import { linkHandler } from '../../router';
import { DocumentChoice } from '../post-award/document-picker';
import { describeIssues, type FormFields, type ShownIssue } from '../post-award/form-issues';
import { ifMatch, type ApplicationView } from '../post-award/use-award-application';
import { submitOn, useWriteForm } from '../post-award/use-write-form';
import { useKeptState } from '../../auth/use-kept-state';
import { recordedAssessmentId } from './local-confirmation-record';
import { LOCAL_REQUIREMENT_LABELS, LOCAL_REQUIREMENTS } from './local-track-labels';

/** Where the plan's own violations are shown on this screen: beside the way to edit the plan. */
const PLAN_ID = 'field-report-plan';

const FIELDS: FormFields = {
  schemeRulesDocumentId: { id: 'field-scheme-rules', label: '補助要綱' },
  ...Object.fromEntries(
    LOCAL_REQUIREMENTS.map((requirement) => [
      `localConfirmation.assessments.${requirement}`,
      {
        id: recordedAssessmentId(requirement),
        label: LOCAL_REQUIREMENT_LABELS[requirement],
      },
    ]),
  ),
};
const OWN_IDS = new Set(Object.values(FIELDS).map((field) => field.id));

/**
 * A refusal of the report in Japanese at its place: the 補助要綱 at its picker, a requirement
 * judged not met at the recorded verdict, and every rule the plan breaks beside the plan's
 * edit link (its inputs are on the plan editor, not here).
 */
function placed(problem: Problem): ShownIssue[] {
  return describeIssues(problem, FIELDS).map((issue) =>
    OWN_IDS.has(issue.fieldId) ? issue : { ...issue, fieldId: PLAN_ID },
  );
}

/** Plan editing is open while the report is not with MIC; after a confirmed draft it needs confirming again. */
const PLAN_EDITABLE = ['locally_confirmed', 'returned'];

/**
 * 総務省へ報告: the confirmed project goes to MIC with the municipality's grant scheme rules
 * (補助要綱) "for the special local allocation tax calculation"; every rule of the local track
 * runs and a refusal names each violation. After a return it is sent again the same way.
 */
export function ReportToMicForm({
  application,
  awaitedDocument,
  ready = true,
  onReported,
  onIssues,
}: {
  application: ApplicationView;
  awaitedDocument?: string;
  /** False while the screen catches up with an upload: sending would be refused as stale. */
  ready?: boolean;
  onReported: (answer: unknown) => void;
  /** Told the refusal's issues, so the screen can show a verdict's beside the recorded confirmation. */
  onIssues?: (issues: ShownIssue[]) => void;
}) {
  const again = application.status === 'returned';
  const [documentId, setDocumentId] = useKeptState(
    `report-to-mic.${application.id}.schemeRules`,
    () => application.micReport?.schemeRulesDocumentId ?? '',
  );
  const writing = useWriteForm(FIELDS, {
    place: placed,
    unmetTitle: '総務省へ報告できません。次の項目を確認してください。',
    onIssues,
  });
  const planIssues = writing.errorsAtId(PLAN_ID);
  const editPath = `/applications/${application.id}/edit`;

  function send() {
    if (!documentId)
      return writing.refuse('schemeRulesDocumentId', '補助要綱を、提出済みの書類から選んでください。');
    void writing.send(
      () =>
        api.POST('/v1/applications/{id}/report-to-mic', {
          params: { path: { id: application.id }, header: ifMatch(application) },
          body: { schemeRulesDocumentId: documentId },
        }),
      onReported,
    );
  }

  return (
    <form
      className="form action-form"
      noValidate
      aria-labelledby="report-to-mic-title"
      data-testid="report-to-mic-form"
      onSubmit={submitOn(send)}
    >
      <h3 id="report-to-mic-title">{again ? '総務省へ再度報告' : '総務省へ報告'}</h3>
      <p>
        特別交付税の算定のため、事業と補助要綱を総務省へ報告します。報告の時点で地方単独事業のすべての要件を確認し、満たしていない項目があれば報告できません。
      </p>
      {writing.summary}
      {planIssues.length > 0 && (
        <div
          className="field field--error"
          id={PLAN_ID}
          tabIndex={-1}
          role="group"
          aria-labelledby={`${PLAN_ID}-label`}
        >
          <p className="field__label" id={`${PLAN_ID}-label`}>
            事業計画
          </p>
          <ul className="field__error" data-testid="report-plan-issues">
            {planIssues.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          {PLAN_EDITABLE.includes(application.status) && (
            <p className="field__hint">
              <a href={editPath} onClick={linkHandler(editPath)}>
                事業計画を修正する
              </a>
              {application.status === 'locally_confirmed' &&
                '（編集すると下書きに戻り、地域での確認を記録し直します）'}
            </p>
          )}
        </div>
      )}
      <DocumentChoice
        id={FIELDS.schemeRulesDocumentId.id}
        application={application}
        legend={FIELDS.schemeRulesDocumentId.label}
        kind="scheme_rules"
        selected={documentId}
        onChange={setDocumentId}
        errors={writing.errorsAt('schemeRulesDocumentId')}
        refreshKey={awaitedDocument}
      />
      {again && documentId !== '' && documentId === application.micReport?.schemeRulesDocumentId && (
        <p className="field__hint" data-testid="same-scheme-rules">
          差し戻された報告と同じ補助要綱が選ばれています。補助要綱を直した場合は、直した書類をこの画面の「添付書類」から提出し、ここで選び直してください。
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={writing.busy || !ready}>
          {again ? '総務省へ再度報告する' : '総務省へ報告する'}
        </button>
      </div>
    </form>
  );
}
