import { requireText } from '../../application/decide/guards';
import type { ApplicationState } from '../../application/state';
import { accept, refuse, type Decision } from '../../decision';
import type { RequestAbandonment } from '../commands';
import type { PlanChangeRequested } from '../events';
import { locateAward } from './guards';

/** 中止・廃止: asked by the municipality at any step before the report; the officer decides. */
export const requestAbandonment = (
  command: RequestAbandonment,
  state: ApplicationState,
): Decision<PlanChangeRequested> => {
  const { data, metadata } = command;
  const located = locateAward(state, metadata, 'municipality', 'adopted', 'grant_applied', 'grant_decided');
  if (!located.ok) return refuse(located.error);
  const noReason = requireText('reason', data.reason);
  if (noReason) return refuse(noReason);
  return accept({
    type: 'PlanChangeRequested',
    data: {
      applicationId: located.value.id,
      changeId: data.changeId,
      kind: 'abandonment',
      reason: data.reason,
      grounds: [],
      costMoves: [],
      documents: [],
      requestedAt: metadata.at,
      requestedBy: metadata.actor.sub,
    },
  });
};
