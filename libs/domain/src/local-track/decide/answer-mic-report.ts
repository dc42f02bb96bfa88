import { requireText } from '../../application/decide/guards';
import type { ApplicationState } from '../../application/state';
import { accept, refuse, type Decision } from '../../decision';
import { domainError } from '../../errors';
import type { AnswerMicReport } from '../commands';
import type { MicReportAcknowledged, MicReportReturned } from '../events';
import { MIC_ANSWERS } from '../local-confirmation';
import { locateLocal } from './guards';

/**
 * The programme officer acknowledges the report, or returns it naming what is missing.
 * No reviewers, no vote, no national budget: the local track commits none.
 */
export const answerMicReport = (
  command: AnswerMicReport,
  state: ApplicationState,
): Decision<MicReportAcknowledged | MicReportReturned> => {
  const { data, metadata } = command;
  const located = locateLocal(state, metadata, 'program_officer', 'reported_to_mic');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  if (!(MIC_ANSWERS as readonly string[]).includes(data.outcome))
    return refuse(domainError('invalid_command', `outcome must be one of ${MIC_ANSWERS.join(', ')}`));
  const noReason = requireText('reason', data.reason);
  if (noReason) return refuse(noReason);
  const { reportNumber } = application.micReport;
  return data.outcome === 'acknowledged'
    ? accept({
        type: 'MicReportAcknowledged',
        data: {
          applicationId: application.id,
          reportNumber,
          reason: data.reason,
          acknowledgedAt: metadata.at,
          acknowledgedBy: metadata.actor.sub,
        },
      })
    : accept({
        type: 'MicReportReturned',
        data: {
          applicationId: application.id,
          reportNumber,
          reason: data.reason,
          returnedAt: metadata.at,
          returnedBy: metadata.actor.sub,
        },
      });
};
