import type { ApplicationContext } from '../../application/context';
import type { ApplicationState } from '../../application/state';
import { checkSubmission } from '../../application/submission';
import { accept, refuse, type Decision } from '../../decision';
import { domainError, type Violation } from '../../errors';
import type { ReportToMic } from '../commands';
import type { ReportedToMic } from '../events';
import { LOCAL_REQUIREMENTS, type LocalConfirmation } from '../local-confirmation';
import { attachedDocument, locateLocal } from './guards';

/** A confirmation that judged a requirement not met does not carry a report. */
const unmetRequirements = (confirmation: LocalConfirmation): Violation[] =>
  LOCAL_REQUIREMENTS.filter((requirement) => !confirmation.assessments[requirement].met).map(
    (requirement) => ({
      rule: 'local_requirement_met' as const,
      field: `localConfirmation.assessments.${requirement}`,
      message: `the local confirmation judged ${requirement} not met`,
    }),
  );

/**
 * The local track's submission: every rule of the local track runs on the plan as for a
 * national submission (completeness, the funding rules, intake), together with the local
 * confirmation's verdicts; a refusal lists every violation. Reported after a return, the
 * (edited) plan joins the round of the new report's instant.
 */
export const reportToMic = (
  command: ReportToMic,
  state: ApplicationState,
  context: ApplicationContext = {},
): Decision<ReportedToMic> => {
  const { data, metadata } = command;
  const located = locateLocal(state, metadata, 'municipality', 'locally_confirmed', 'returned');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  const unattached = attachedDocument(application, 'schemeRulesDocumentId', data.schemeRulesDocumentId);
  if (unattached) return refuse(unattached);
  const submission = checkSubmission(application.plan, application.municipalityCode, metadata.at, context);
  const unmet = unmetRequirements(application.localConfirmation);
  if (!submission.ok || unmet.length > 0) {
    const planViolations = submission.ok ? [] : (submission.error.violations ?? []);
    if (!submission.ok && submission.error.code !== 'rule_violations') return refuse(submission.error);
    return refuse(
      domainError('rule_violations', 'the report breaks the local track’s rules', [
        ...planViolations,
        ...unmet,
      ]),
    );
  }
  return accept({
    type: 'ReportedToMic',
    data: {
      applicationId: application.id,
      ...submission.value,
      schemeRulesDocumentId: data.schemeRulesDocumentId,
      reportNumber: application.status === 'returned' ? application.micReport.reportNumber + 1 : 1,
      reportedAt: metadata.at,
      reportedBy: metadata.actor.sub,
    },
  });
};
