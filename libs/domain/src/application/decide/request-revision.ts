import { accept, refuse, type Decision } from '../../decision';
import type { RequestRevision } from '../commands';
import type { RevisionRequested } from '../events';
import type { ApplicationState } from '../state';
import { invalidState, locate, requireText } from './guards';

export const requestRevision = (
  command: RequestRevision,
  state: ApplicationState,
): Decision<RevisionRequested> => {
  const { data, metadata } = command;
  const located = locate(state, metadata, 'program_officer');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  if (application.status !== 'submitted' && application.status !== 'under_review') {
    return refuse(invalidState(application, 'submitted', 'under_review'));
  }
  const noReason = requireText('reason', data.reason);
  if (noReason) return refuse(noReason);
  return accept({
    type: 'RevisionRequested',
    data: {
      applicationId: application.id,
      reason: data.reason,
      reviewCycle: application.reviewCycle,
      requestedAt: metadata.at,
      requestedBy: metadata.actor.sub,
    },
  });
};
