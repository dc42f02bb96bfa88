import type { ApplicationState } from '../application/state';
import type { LocalTrackEvent } from './events';
import { fresh } from '@l10k/rules';

/** Events are facts: evolve trusts them (decide checked them) and only moves the application along. */
export function evolveLocalTrack(state: ApplicationState, event: LocalTrackEvent): ApplicationState {
  switch (event.type) {
    case 'LocalConfirmationRecorded': {
      if (state.status !== 'draft' && state.status !== 'locally_confirmed') return state;
      const { applicationId: _id, ...localConfirmation } = event.data;
      return { ...fresh, ...state, status: 'locally_confirmed', localConfirmation };
    }
    case 'ReportedToMic': {
      if (state.status !== 'locally_confirmed' && state.status !== 'returned') return state;
      const {
        applicationId: _id,
        schemeRulesDocumentId,
        reportNumber,
        reportedAt,
        reportedBy,
        ...submission
      } = event.data;
      const { acknowledgement: returned, ...reported } =
        state.status === 'returned' ? state : { ...fresh, ...state, acknowledgement: undefined };
      // The return being answered stays on record, with the report it returned.
      const earlierReturns =
        state.status === 'returned' && returned !== undefined
          ? [
              ...(state.earlierReturns ?? []),
              {
                reportNumber: state.micReport.reportNumber,
                reason: returned.reason,
                returnedAt: returned.answeredAt,
                returnedBy: returned.answeredBy,
              },
            ]
          : undefined;
      return {
        ...fresh,
        ...reported,
        ...submission,
        status: 'reported_to_mic',
        submittedAt: reportedAt,
        micReport: { schemeRulesDocumentId, reportNumber, reportedAt, reportedBy },
        ...(earlierReturns === undefined ? {} : { earlierReturns }),
      };
    }
    case 'MicReportAcknowledged': {
      if (state.status !== 'reported_to_mic') return state;
      const { reason, acknowledgedAt, acknowledgedBy } = event.data;
      return {
        ...fresh,
        ...state,
        status: 'acknowledged',
        acknowledgement: {
          outcome: 'acknowledged',
          reason,
          answeredAt: acknowledgedAt,
          answeredBy: acknowledgedBy,
        },
      };
    }
    case 'MicReportReturned': {
      if (state.status !== 'reported_to_mic') return state;
      const { reason, returnedAt, returnedBy } = event.data;
      return {
        ...fresh,
        ...state,
        status: 'returned',
        acknowledgement: { outcome: 'returned', reason, answeredAt: returnedAt, answeredBy: returnedBy },
      };
    }
  }
}
