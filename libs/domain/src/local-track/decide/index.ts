import type { ApplicationContext } from '../../application/context';
import type { ApplicationState } from '../../application/state';
import type { Decision } from '../../decision';
import type { LocalTrackCommand } from '../commands';
import type { LocalTrackEvent } from '../events';
import { answerMicReport } from './answer-mic-report';
import { recordLocalConfirmation } from './record-local-confirmation';
import { reportToMic } from './report-to-mic';

export { answerMicReport, recordLocalConfirmation, reportToMic };

/** One entry for the local track's commands; each goes to its own decide function. */
export const decideLocalTrackCommand = (
  command: LocalTrackCommand,
  state: ApplicationState,
  context: ApplicationContext = {},
): Decision<LocalTrackEvent> => {
  switch (command.type) {
    case 'RecordLocalConfirmation':
      return recordLocalConfirmation(command, state);
    case 'ReportToMic':
      return reportToMic(command, state, context);
    case 'AnswerMicReport':
      return answerMicReport(command, state);
  }
};
