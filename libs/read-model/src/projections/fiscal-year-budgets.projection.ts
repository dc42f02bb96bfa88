import type { EntityManager } from 'typeorm';
import {
  evolveBudget,
  initialBudgetState,
  remainingBudget,
  type BudgetEvent,
  type BudgetState,
} from '@l10k/domain';
import type { RecordedEvent } from '@l10k/eventstore';
import { FiscalYearBudgetRow } from '../entities/fiscal-year-budget.entity';
import { findRow, upsertRows } from '../tables';
import { fiscalYearOfStream } from './stream-names';
import type { Projection, TableNames } from './projection';

type Tables = 'fiscal_year_budgets';

/** The fiscal year's budget, committed national share and what remains, and after adoption decided, confirmed, released and paid; folded with `evolveBudget`. */
export const fiscalYearBudgetsProjection: Projection<Tables> = {
  name: 'fiscal_year_budgets',
  tables: ['fiscal_year_budgets'],
  events: {
    ApplicationCreated: 'ignore',
    ApplicationPlanReplaced: 'ignore',
    ApplicationSubmitted: 'ignore',
    ApplicationResubmitted: 'ignore',
    ApplicationWithdrawn: 'ignore',
    ReviewerAssigned: 'ignore',
    ConflictOfInterestDeclared: 'ignore',
    ReviewSubmitted: 'ignore',
    RevisionRequested: 'ignore',
    ApplicationAdopted: 'ignore',
    ApplicationRejected: 'ignore',
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
    ReportedToMic: 'ignore',
    MicReportAcknowledged: 'ignore',
    MicReportReturned: 'ignore',
    FiscalYearBudgetSet: 'handle',
    NationalShareCommitted: 'handle',
    NationalShareDecided: 'handle',
    NationalShareConfirmed: 'handle',
    NationalShareReleased: 'handle',
    NationalSharePaid: 'handle',
  },
  async handle(manager: EntityManager, recorded: RecordedEvent, tables: TableNames<Tables>): Promise<void> {
    const fiscalYear = fiscalYearOfStream(recorded.streamId);
    if (fiscalYear === undefined) return;
    const table = tables.fiscal_year_budgets;
    const stored = await findRow(manager, FiscalYearBudgetRow, table, { fiscalYear }, [
      'nationalBudget',
      'committed',
      'intakeOpen',
      'adoptedApplications',
      'decided',
      'confirmed',
      'released',
      'paid',
      'streamRevision',
    ]);
    if (stored !== undefined && BigInt(stored.streamRevision) >= recorded.revision) return;
    // Per-application commitments only guard decisions in `decide`; the read model needs the sums
    // (bookings carry what they replace, so the sums fold without the per-application maps).
    const before: BudgetState = stored
      ? {
          ...initialBudgetState(fiscalYear),
          nationalBudget: stored.nationalBudget,
          committed: stored.committed,
          intakeOpen: stored.intakeOpen,
          decided: stored.decided,
          confirmed: stored.confirmed,
          released: stored.released,
          paid: stored.paid,
        }
      : initialBudgetState(fiscalYear);
    const event = { type: recorded.type, data: recorded.data } as unknown as BudgetEvent;
    const after = evolveBudget(before, event);
    const row: FiscalYearBudgetRow = {
      fiscalYear,
      nationalBudget: after.nationalBudget,
      committed: after.committed,
      remaining: remainingBudget(after),
      intakeOpen: after.intakeOpen,
      adoptedApplications:
        (stored?.adoptedApplications ?? 0) + (event.type === 'NationalShareCommitted' ? 1 : 0),
      decided: after.decided,
      confirmed: after.confirmed,
      released: after.released,
      paid: after.paid,
      streamRevision: Number(recorded.revision),
      updatedAt: new Date(recorded.metadata.occurredAt),
    };
    await upsertRows(manager, FiscalYearBudgetRow, table, [row], { newerBy: 'streamRevision' });
  },
};
