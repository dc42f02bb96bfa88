import type { EntityManager } from 'typeorm';
import {
  evolveBudget,
  initialBudgetState,
  remainingBudget,
  type BudgetEvent,
  type BudgetState,
} from '@l10k/domain';
import type { ProjectedEvent } from '@l10k/eventstore';
import { FiscalYearBudgetRow } from '../entities/fiscal-year-budget.entity';
import { findRows, upsertRows } from '../tables';
import { fiscalYearOfStream } from './stream-names';
import type { Projection, TableNames } from './projection';
import { fresh } from '@l10k/rules';

type Tables = 'fiscal_year_budgets';

/** The row after one more event of the fiscal year's budget stream. */
function evolveRow(
  fiscalYear: number,
  stored: FiscalYearBudgetRow | undefined,
  recorded: ProjectedEvent,
): FiscalYearBudgetRow {
  // Per-application commitments only guard decisions in `decide`; the read model needs the sums
  // (bookings carry what they replace, so the sums fold without the per-application maps).
  const before: BudgetState = stored
    ? {
        ...fresh,
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
  return {
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
}

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
  async project(
    manager: EntityManager,
    events: readonly ProjectedEvent[],
    tables: TableNames<Tables>,
  ): Promise<void> {
    const onBudgetStreams = events.flatMap((recorded) => {
      const fiscalYear = fiscalYearOfStream(recorded.streamId);
      return fiscalYear === undefined ? [] : [{ fiscalYear, recorded }];
    });
    if (onBudgetStreams.length === 0) return;
    const table = tables.fiscal_year_budgets;
    const years = [...new Set(onBudgetStreams.map(({ fiscalYear }) => fiscalYear))];
    const stored = await findRows(manager, FiscalYearBudgetRow, table, 'fiscalYear', years, [
      'nationalBudget',
      'committed',
      'remaining',
      'intakeOpen',
      'adoptedApplications',
      'decided',
      'confirmed',
      'released',
      'paid',
      'streamRevision',
      'updatedAt',
    ]);
    const rows = new Map<number, FiscalYearBudgetRow>(stored.map((row) => [row.fiscalYear, row]));
    const moved = new Set<number>();
    for (const { fiscalYear, recorded } of onBudgetStreams) {
      const before = rows.get(fiscalYear);
      if (before !== undefined && BigInt(before.streamRevision) >= recorded.revision) continue;
      rows.set(fiscalYear, evolveRow(fiscalYear, before, recorded));
      moved.add(fiscalYear);
    }
    await upsertRows(
      manager,
      FiscalYearBudgetRow,
      table,
      [...moved].map((fiscalYear) => rows.get(fiscalYear)!),
      { newerBy: 'streamRevision' },
    );
  },
};
