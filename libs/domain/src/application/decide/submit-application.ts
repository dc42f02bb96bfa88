import { accept, refuse, type Decision } from '../../decision';
import type { SubmitApplication } from '../commands';
import type { ApplicationContext } from '../context';
import type { ApplicationSubmitted } from '../events';
import type { ApplicationState } from '../state';
import { checkSubmission } from '../submission';
import { invalidState, locate } from './guards';

/** Needs the budget of the fiscal year of the command's round in the context (intake open?). */
export const submitApplication = (
  command: SubmitApplication,
  state: ApplicationState,
  context: ApplicationContext = {},
): Decision<ApplicationSubmitted> => {
  const { metadata } = command;
  const located = locate(state, metadata, 'municipality');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  if (application.status !== 'draft') return refuse(invalidState(application, 'draft'));
  const submission = checkSubmission(application.plan, application.municipalityCode, metadata.at, context);
  if (!submission.ok) return refuse(submission.error);
  return accept({
    type: 'ApplicationSubmitted',
    data: {
      applicationId: application.id,
      ...submission.value,
      reviewCycle: application.reviewCycle + 1,
      submittedAt: metadata.at,
      submittedBy: metadata.actor.sub,
    },
  });
};
