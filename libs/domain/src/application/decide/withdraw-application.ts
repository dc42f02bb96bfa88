import { accept, refuse, type Decision } from '../../decision';
import type { WithdrawApplication } from '../commands';
import type { ApplicationWithdrawn } from '../events';
import type { ApplicationState } from '../state';
import { isDecidedOrWithdrawn } from '../status-groups';
import { invalidState, locate, requireText } from './guards';

export const withdrawApplication = (
  command: WithdrawApplication,
  state: ApplicationState,
): Decision<ApplicationWithdrawn> => {
  const { data, metadata } = command;
  const located = locate(state, metadata, 'municipality');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  if (isDecidedOrWithdrawn(application)) {
    return refuse(
      invalidState(
        application,
        'draft',
        'submitted',
        'under_review',
        'revision_requested',
        'locally_confirmed',
        'reported_to_mic',
        'returned',
      ),
    );
  }
  const noReason = requireText('reason', data.reason);
  if (noReason) return refuse(noReason);
  return accept({
    type: 'ApplicationWithdrawn',
    data: {
      applicationId: application.id,
      reason: data.reason,
      withdrawnFrom: application.status,
      withdrawnAt: metadata.at,
      withdrawnBy: metadata.actor.sub,
    },
  });
};
