import type { Decision } from '../../decision';
import type { ApplicationCommand } from '../commands';
import type { ApplicationContext } from '../context';
import type { ApplicationEvent } from '../events';
import type { ApplicationState } from '../state';
import { assignReviewer } from './assign-reviewer';
import { createApplication } from './create-application';
import { declareConflict } from './declare-conflict';
import { decideOnApplication } from './decide-on-application';
import { replacePlan } from './replace-plan';
import { requestRevision } from './request-revision';
import { resubmitApplication } from './resubmit-application';
import { submitApplication } from './submit-application';
import { submitReview } from './submit-review';
import { withdrawApplication } from './withdraw-application';

export {
  assignReviewer,
  createApplication,
  declareConflict,
  decideOnApplication,
  replacePlan,
  requestRevision,
  resubmitApplication,
  submitApplication,
  submitReview,
  withdrawApplication,
};

/** One entry for the app layer; each command goes to its own decide function. */
export const decideApplicationCommand = (
  command: ApplicationCommand,
  state: ApplicationState,
  context: ApplicationContext = {},
): Decision<ApplicationEvent> => {
  switch (command.type) {
    case 'CreateApplication':
      return createApplication(command, state, context);
    case 'ReplacePlan':
      return replacePlan(command, state, context);
    case 'SubmitApplication':
      return submitApplication(command, state, context);
    case 'WithdrawApplication':
      return withdrawApplication(command, state);
    case 'AssignReviewer':
      return assignReviewer(command, state);
    case 'DeclareConflict':
      return declareConflict(command, state);
    case 'SubmitReview':
      return submitReview(command, state);
    case 'RequestRevision':
      return requestRevision(command, state);
    case 'ResubmitApplication':
      return resubmitApplication(command, state, context);
    case 'DecideApplication':
      return decideOnApplication(command, state, context);
  }
};
