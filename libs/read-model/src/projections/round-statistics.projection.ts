import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@l10k/eventstore';
import { RoundStatisticRow, type RoundOutcome } from '../entities/round-statistic.entity';
import { upsertRows } from '../tables';
import { applicationEventOf } from './application-event';
import type { Projection, TableNames } from './projection';

type Tables = 'round_statistics';

/**
 * Sets the outcome on the row of the application's latest (re)submission before `revision`,
 * unless that row already reflects the event. A set-based update (the row is chosen by a
 * subquery), so written by hand; the specs run it against the migrated schema.
 */
const settleLatestSubmission = (
  manager: EntityManager,
  table: string,
  applicationId: string,
  revision: bigint,
  outcome: RoundOutcome,
  adoption?: { approvedGrant: number; nationalShare: number },
): Promise<unknown> =>
  manager.query(
    `UPDATE ${table} SET outcome = $3, approved_grant = $4, national_share = $5, stream_revision = $2
      WHERE application_id = $1 AND stream_revision < $2
        AND submitted_revision = (SELECT max(submitted_revision) FROM ${table} WHERE application_id = $1 AND submitted_revision < $2)`,
    [
      applicationId,
      revision.toString(),
      outcome,
      adoption?.approvedGrant ?? null,
      adoption?.nationalShare ?? null,
    ],
  );

/**
 * One fact per (application, round it was submitted or reported to) and what became of it
 * there; a local-track report is its own track's fact (no national share).
 * Monthly statistics sum these at query time (see queries/monthly-statistics.ts).
 */
export const roundStatisticsProjection: Projection<Tables> = {
  name: 'round_statistics',
  tables: ['round_statistics'],
  events: {
    ApplicationCreated: 'ignore',
    ApplicationPlanReplaced: 'ignore',
    ApplicationSubmitted: 'handle',
    ApplicationResubmitted: 'handle',
    ApplicationWithdrawn: 'handle',
    ReviewerAssigned: 'ignore',
    ConflictOfInterestDeclared: 'ignore',
    ReviewSubmitted: 'ignore',
    RevisionRequested: 'handle',
    ApplicationAdopted: 'handle',
    ApplicationRejected: 'handle',
    GrantApplied: 'ignore',
    GrantDecided: 'ignore',
    PlanChangeNotified: 'ignore',
    PlanChangeRequested: 'ignore',
    PlanChangeApproved: 'ignore',
    PlanChangeRefused: 'ignore',
    PerformanceReported: 'ignore',
    AmountConfirmed: 'ignore',
    PaymentRecorded: 'ignore',
    DocumentAttached: 'ignore',
    LocalConfirmationRecorded: 'ignore',
    ReportedToMic: 'handle',
    MicReportAcknowledged: 'handle',
    MicReportReturned: 'handle',
    FiscalYearBudgetSet: 'ignore',
    NationalShareCommitted: 'ignore',
    NationalShareDecided: 'ignore',
    NationalShareConfirmed: 'ignore',
    NationalShareReleased: 'ignore',
    NationalSharePaid: 'ignore',
  },
  async handle(manager: EntityManager, recorded: RecordedEvent, tables: TableNames<Tables>): Promise<void> {
    const found = applicationEventOf(recorded);
    if (found === undefined) return;
    const { applicationId, event } = found;
    const table = tables.round_statistics;
    switch (event.type) {
      case 'ApplicationSubmitted':
      case 'ApplicationResubmitted':
      case 'ReportedToMic':
        // A resubmission (or a report after a return) into the round it was already counted
        // in reopens that round's fact.
        await upsertRows(
          manager,
          RoundStatisticRow,
          table,
          [
            {
              applicationId,
              round: event.data.round,
              fiscalYear: event.data.fiscalYear,
              track: event.type === 'ReportedToMic' ? 'local' : 'national',
              submittedRevision: Number(recorded.revision),
              outcome: null,
              requestedGrant: event.data.funding.grant,
              approvedGrant: null,
              nationalShare: null,
              streamRevision: Number(recorded.revision),
            },
          ],
          { newerBy: 'streamRevision' },
        );
        return;
      case 'ApplicationAdopted':
        await settleLatestSubmission(manager, table, applicationId, recorded.revision, 'adopted', {
          approvedGrant: event.data.approvedGrant,
          nationalShare: event.data.funding.nationalShare,
        });
        return;
      case 'ApplicationRejected':
        await settleLatestSubmission(manager, table, applicationId, recorded.revision, 'rejected');
        return;
      case 'RevisionRequested':
        await settleLatestSubmission(manager, table, applicationId, recorded.revision, 'revision_requested');
        return;
      case 'MicReportAcknowledged':
        await settleLatestSubmission(manager, table, applicationId, recorded.revision, 'acknowledged');
        return;
      case 'MicReportReturned':
        await settleLatestSubmission(manager, table, applicationId, recorded.revision, 'returned');
        return;
      case 'ApplicationWithdrawn':
        // From a draft there is no submission row, and nothing to update.
        await settleLatestSubmission(manager, table, applicationId, recorded.revision, 'withdrawn');
        return;
      default:
        // The types `events` ignores never arrive here.
        return;
    }
  },
};
