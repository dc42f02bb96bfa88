import type { EntityManager } from 'typeorm';
import type { ProjectedEvent } from '@l10k/eventstore';
import type { ApplicationEvent } from '@l10k/domain';
import { RoundStatisticRow, type RoundOutcome } from '../entities/round-statistic.entity';
import { findRows, upsertRows } from '../tables';
import { applicationEventOf } from './application-event';
import type { Projection, TableNames } from './projection';
import { fresh } from '@l10k/rules';

type Tables = 'round_statistics';

/** An application's round facts as this batch leaves them, and which of them it changed. */
class ApplicationRounds {
  /** By round: the key of a fact, so a statement writes it once. */
  private readonly changed = new Map<string, RoundStatisticRow>();

  constructor(private readonly rows: RoundStatisticRow[] = []) {}

  /**
   * A (re)submission or a report opens the fact of its round; into a round it was already
   * counted in, it reopens that round's fact (unless the fact already reflects it).
   */
  open(row: RoundStatisticRow): void {
    const index = this.rows.findIndex((stored) => stored.round === row.round);
    const stored = this.rows[index];
    if (stored !== undefined && stored.streamRevision >= row.streamRevision) return;
    if (stored === undefined) this.rows.push(row);
    else this.rows[index] = row;
    this.changed.set(row.round, row);
  }

  /**
   * Sets the outcome on the fact of the latest (re)submission before `revision`, unless it
   * already reflects the event. From a draft there is no fact, and nothing changes.
   */
  settle(
    revision: number,
    outcome: RoundOutcome,
    adoption?: { approvedGrant: number; nationalShare: number },
  ): void {
    const earlier = this.rows.filter((row) => row.submittedRevision < revision);
    if (earlier.length === 0) return;
    const latest = earlier.reduce((a, b) => (b.submittedRevision > a.submittedRevision ? b : a));
    if (latest.streamRevision >= revision) return;
    latest.outcome = outcome;
    latest.approvedGrant = adoption?.approvedGrant ?? null;
    latest.nationalShare = adoption?.nationalShare ?? null;
    latest.streamRevision = revision;
    this.changed.set(latest.round, latest);
  }

  get changedRows(): RoundStatisticRow[] {
    return [...this.changed.values()];
  }
}

function foldRoundEvent(
  rounds: ApplicationRounds,
  applicationId: string,
  event: ApplicationEvent,
  revision: number,
): void {
  switch (event.type) {
    case 'ApplicationSubmitted':
    case 'ApplicationResubmitted':
    case 'ReportedToMic':
      rounds.open({
        applicationId,
        round: event.data.round,
        fiscalYear: event.data.fiscalYear,
        track: event.type === 'ReportedToMic' ? 'local' : 'national',
        submittedRevision: revision,
        outcome: null,
        requestedGrant: event.data.funding.grant,
        approvedGrant: null,
        nationalShare: null,
        streamRevision: revision,
      });
      return;
    case 'ApplicationAdopted':
      rounds.settle(revision, 'adopted', {
        approvedGrant: event.data.approvedGrant,
        nationalShare: event.data.funding.nationalShare,
      });
      return;
    case 'ApplicationRejected':
      rounds.settle(revision, 'rejected');
      return;
    case 'RevisionRequested':
      rounds.settle(revision, 'revision_requested');
      return;
    case 'MicReportAcknowledged':
      rounds.settle(revision, 'acknowledged');
      return;
    case 'MicReportReturned':
      rounds.settle(revision, 'returned');
      return;
    case 'ApplicationWithdrawn':
      rounds.settle(revision, 'withdrawn');
      return;
    default:
      // The types `events` ignores never arrive here.
      return;
  }
}

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
  async project(
    manager: EntityManager,
    events: readonly ProjectedEvent[],
    tables: TableNames<Tables>,
  ): Promise<void> {
    const found = events.flatMap((recorded) => {
      const onStream = applicationEventOf(recorded);
      return onStream === undefined ? [] : [{ ...fresh, ...onStream, revision: Number(recorded.revision) }];
    });
    if (found.length === 0) return;
    const table = tables.round_statistics;
    const ids = [...new Set(found.map(({ applicationId }) => applicationId))];
    const stored = await findRows(manager, RoundStatisticRow, table, 'applicationId', ids, [
      'round',
      'fiscalYear',
      'track',
      'submittedRevision',
      'outcome',
      'requestedGrant',
      'approvedGrant',
      'nationalShare',
      'streamRevision',
    ]);
    const storedRows = new Map<string, RoundStatisticRow[]>();
    for (const row of stored)
      storedRows.set(row.applicationId, [...(storedRows.get(row.applicationId) ?? []), row]);
    const byApplication = new Map(ids.map((id) => [id, new ApplicationRounds(storedRows.get(id))]));
    for (const { applicationId, event, revision } of found)
      foldRoundEvent(byApplication.get(applicationId)!, applicationId, event, revision);
    const changed = [...byApplication.values()].flatMap((rounds) => rounds.changedRows);
    await upsertRows(manager, RoundStatisticRow, table, changed, { newerBy: 'streamRevision' });
  },
};
