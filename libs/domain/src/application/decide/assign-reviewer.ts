import { accept, refuse, type Decision } from '../../decision';
import { domainError } from '../../errors';
import type { AssignReviewer } from '../commands';
import type { ReviewerAssigned } from '../events';
import type { ApplicationState } from '../state';
import { invalidState, locate, requireText } from './guards';

/** The first assignment puts a submitted application under review; more may follow. */
export const assignReviewer = (
  command: AssignReviewer,
  state: ApplicationState,
): Decision<ReviewerAssigned> => {
  const { data, metadata } = command;
  const located = locate(state, metadata, 'program_officer');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  if (application.status !== 'submitted' && application.status !== 'under_review') {
    return refuse(invalidState(application, 'submitted', 'under_review'));
  }
  const noReviewer = requireText('reviewerId', data.reviewerId);
  if (noReviewer) return refuse(noReviewer);
  if (application.reviewers.some((reviewer) => reviewer.reviewerId === data.reviewerId)) {
    return refuse(
      domainError('already_assigned', `${data.reviewerId} is already assigned in this review cycle`),
    );
  }
  return accept({
    type: 'ReviewerAssigned',
    data: {
      applicationId: application.id,
      reviewerId: data.reviewerId,
      reviewCycle: application.reviewCycle,
      assignedAt: metadata.at,
      assignedBy: metadata.actor.sub,
    },
  });
};
