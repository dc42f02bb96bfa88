import { requireText } from '../../application/decide/guards';
import type { ApplicationState } from '../../application/state';
import { accept, refuse, type Decision } from '../../decision';
import { domainError } from '../../errors';
import type { DecidePlanChange } from '../commands';
import type { PlanChangeApproved, PlanChangeRefused } from '../events';
import { locateAward } from './guards';

/**
 * The officer approves or refuses the pending change. An approved abandonment releases the
 * whole commitment (appended with the budget's release, see workflow/decide-command.ts);
 * an approved change takes effect; a refusal leaves the plan as it was.
 */
export const decidePlanChange = (
  command: DecidePlanChange,
  state: ApplicationState,
): Decision<PlanChangeApproved | PlanChangeRefused> => {
  const { data, metadata } = command;
  const located = locateAward(state, metadata, 'program_officer', 'change_requested');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  const change = application.award.changes.find(
    (candidate) => candidate.changeId === data.changeId && candidate.outcome === 'pending',
  );
  if (change === undefined || change.kind === 'minor')
    return refuse(
      domainError('no_pending_change', `no plan change ${data.changeId} is waiting for a decision`),
    );
  const noReason = requireText('reason', data.reason);
  if (noReason) return refuse(noReason);
  const decided = { reason: data.reason, decidedAt: metadata.at, decidedBy: metadata.actor.sub };
  if (data.outcome === 'refused') {
    return accept({
      type: 'PlanChangeRefused',
      data: { applicationId: application.id, changeId: change.changeId, kind: change.kind, ...decided },
    });
  }
  return accept({
    type: 'PlanChangeApproved',
    data: {
      applicationId: application.id,
      changeId: change.changeId,
      kind: change.kind,
      fiscalYear: application.fiscalYear,
      released: change.kind === 'abandonment' ? application.award.commitment : 0,
      ...decided,
    },
  });
};
