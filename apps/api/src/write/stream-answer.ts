import { remainingBudget, type StreamRef, type StreamState } from '@l10k/domain';
import { applicationRecordOf } from '@l10k/read-model';
import { applicationView } from '../views/application.view';
import type { BudgetView } from '../views/budget.view';
import type { Viewer } from '../views/viewer';
import type { WriteRequest } from './write-request';

/** A write answers with the view of its own stream, as its actor may see it. */
export function streamAnswer(
  ref: StreamRef,
  state: StreamState,
  revision: number,
  request: WriteRequest,
): unknown {
  const viewer: Viewer = { sub: request.actor.sub, roles: [request.actor.role] };
  if (ref.kind === 'fiscal-year' && 'commitments' in state) {
    const view: BudgetView = {
      fiscalYear: state.fiscalYear,
      nationalBudget: state.nationalBudget,
      committed: state.committed,
      remaining: remainingBudget(state),
      intakeOpen: state.intakeOpen,
      adoptedApplications: Object.keys(state.commitments).length,
      decided: state.decided,
      confirmed: state.confirmed,
      released: state.released,
      paid: state.paid,
      revision,
    };
    return view;
  }
  if (ref.kind === 'application' && 'status' in state && state.status !== 'none')
    return applicationView(applicationRecordOf(state), revision, viewer);
  throw new Error(`a written ${ref.kind} stream must have a state to answer with`);
}
