import type { EntityManager } from 'typeorm';
import {
  evolveBudget,
  initialBudgetState,
  remainingBudget,
  type BudgetEvent,
  type BudgetState,
} from '@l10k/domain';
import type { RecordedEvent } from '@l10k/eventstore';
import { fiscalYearOfStream } from './stream-names';
import type { Projection, TableNames } from './projection';

type Tables = 'fiscal_year_budgets';

interface BudgetRow {
  national_budget: string;
  committed: string;
  intake_open: boolean;
  adopted_applications: number;
  stream_revision: string;
}

/** The fiscal year's budget, committed national share and what remains, folded with `evolveBudget`. */
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
    FiscalYearBudgetSet: 'handle',
    NationalShareCommitted: 'handle',
  },
  async handle(manager: EntityManager, recorded: RecordedEvent, tables: TableNames<Tables>): Promise<void> {
    const fiscalYear = fiscalYearOfStream(recorded.streamId);
    if (fiscalYear === undefined) return;
    const table = tables.fiscal_year_budgets;
    const rows: BudgetRow[] = await manager.query(
      `SELECT national_budget, committed, intake_open, adopted_applications, stream_revision FROM ${table} WHERE fiscal_year = $1`,
      [fiscalYear],
    );
    const stored = rows[0];
    if (stored !== undefined && BigInt(stored.stream_revision) >= recorded.revision) return;
    // Per-application commitments only guard against double commitment in `decide`; the read model needs the sum.
    const before: BudgetState = stored
      ? {
          fiscalYear,
          nationalBudget: Number(stored.national_budget),
          committed: Number(stored.committed),
          intakeOpen: stored.intake_open,
          commitments: {},
        }
      : initialBudgetState(fiscalYear);
    const event = { type: recorded.type, data: recorded.data } as unknown as BudgetEvent;
    const after = evolveBudget(before, event);
    const adopted = (stored?.adopted_applications ?? 0) + (event.type === 'NationalShareCommitted' ? 1 : 0);
    await manager.query(
      `INSERT INTO ${table} (fiscal_year, national_budget, committed, remaining, intake_open, adopted_applications, stream_revision, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (fiscal_year) DO UPDATE SET
         national_budget = EXCLUDED.national_budget, committed = EXCLUDED.committed, remaining = EXCLUDED.remaining,
         intake_open = EXCLUDED.intake_open, adopted_applications = EXCLUDED.adopted_applications,
         stream_revision = EXCLUDED.stream_revision, updated_at = EXCLUDED.updated_at
       WHERE ${table}.stream_revision < EXCLUDED.stream_revision`,
      [
        fiscalYear,
        after.nationalBudget,
        after.committed,
        remainingBudget(after),
        after.intakeOpen,
        adopted,
        recorded.revision.toString(),
        recorded.metadata.occurredAt,
      ],
    );
  },
};
