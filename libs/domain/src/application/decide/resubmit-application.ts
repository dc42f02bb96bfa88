import { accept, refuse, type Decision } from '../../decision';
import type { ResubmitApplication } from '../commands';
import type { ApplicationContext } from '../context';
import type { ApplicationResubmitted } from '../events';
import type { ApplicationState } from '../state';
import { checkSubmission } from '../submission';
import { invalidState, locate } from './guards';

/**
 * Like a submission, in the round of the resubmission's own instant; a new review cycle
 * starts (the earlier reviews stay in the history but no longer count).
 */
export const resubmitApplication = (
  command: ResubmitApplication,
  state: ApplicationState,
  context: ApplicationContext = {},
): Decision<ApplicationResubmitted> => {
  const { metadata } = command;
  const located = locate(state, metadata, 'municipality');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  if (application.status !== 'revision_requested')
    return refuse(invalidState(application, 'revision_requested'));
  const submission = checkSubmission(application.plan, application.municipalityCode, metadata.at, context);
  if (!submission.ok) return refuse(submission.error);
  return accept({
    type: 'ApplicationResubmitted',
    data: {
      applicationId: application.id,
      ...submission.value,
      reviewCycle: application.reviewCycle + 1,
      submittedAt: metadata.at,
      submittedBy: metadata.actor.sub,
    },
  });
};
