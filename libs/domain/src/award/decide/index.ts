import type { ApplicationState } from '../../application/state';
import type { Decision } from '../../decision';
import type { AwardCommand } from '../commands';
import type { AwardEvent } from '../events';
import { applyForGrant } from './apply-for-grant';
import { changePlan } from './change-plan';
import { confirmAmount } from './confirm-amount';
import { decideGrant } from './decide-grant';
import { decidePlanChange } from './decide-plan-change';
import { recordPayment } from './record-payment';
import { reportPerformance } from './report-performance';
import { requestAbandonment } from './request-abandonment';

export {
  applyForGrant,
  changePlan,
  confirmAmount,
  decideGrant,
  decidePlanChange,
  recordPayment,
  reportPerformance,
  requestAbandonment,
};

/** One entry for the post-award commands; each goes to its own decide function. */
export const decideAwardCommand = (command: AwardCommand, state: ApplicationState): Decision<AwardEvent> => {
  switch (command.type) {
    case 'ApplyForGrant':
      return applyForGrant(command, state);
    case 'DecideGrant':
      return decideGrant(command, state);
    case 'ChangePlan':
      return changePlan(command, state);
    case 'RequestAbandonment':
      return requestAbandonment(command, state);
    case 'DecidePlanChange':
      return decidePlanChange(command, state);
    case 'ReportPerformance':
      return reportPerformance(command, state);
    case 'ConfirmAmount':
      return confirmAmount(command, state);
    case 'RecordPayment':
      return recordPayment(command, state);
  }
};
