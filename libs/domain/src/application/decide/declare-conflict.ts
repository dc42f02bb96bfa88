import { accept, refuse, type Decision } from '../../decision';
import { domainError } from '../../errors';
import type { DeclareConflict } from '../commands';
import type { ConflictOfInterestDeclared } from '../events';
import type { ApplicationState } from '../state';
import { invalidState, locate } from './guards';

/**
 * A reviewer declares once per cycle, for themself only; a declared conflict recuses
 * them. Changing a declaration is not offered: a recusal, once on record, stands.
 */
export const declareConflict = (
  command: DeclareConflict,
  state: ApplicationState,
): Decision<ConflictOfInterestDeclared> => {
  const { data, metadata } = command;
  const located = locate(state, metadata, 'reviewer');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  if (data.reviewerId !== metadata.actor.sub) {
    return refuse(domainError('forbidden', 'a reviewer declares conflicts for themself only'));
  }
  // Not being assigned answers first: whoever may not see the application learns nothing of its status.
  const assignment = application.reviewers.find((reviewer) => reviewer.reviewerId === data.reviewerId);
  if (assignment === undefined) {
    return refuse(domainError('not_assigned', `${data.reviewerId} is not assigned to this application`));
  }
  if (application.status !== 'under_review') return refuse(invalidState(application, 'under_review'));
  if (assignment.conflictDeclaration !== undefined) {
    return refuse(
      domainError(
        'conflict_already_declared',
        `${data.reviewerId} has declared already in this review cycle`,
      ),
    );
  }
  return accept({
    type: 'ConflictOfInterestDeclared',
    data: {
      applicationId: application.id,
      reviewerId: data.reviewerId,
      reviewCycle: application.reviewCycle,
      hasConflict: data.hasConflict,
      ...(data.detail !== undefined ? { detail: data.detail } : {}),
      declaredAt: metadata.at,
    },
  });
};
