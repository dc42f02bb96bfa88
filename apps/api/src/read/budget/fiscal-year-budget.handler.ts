import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BudgetView } from '../../views/budget.view';
import { isoInstantOf, utcWallTime } from '../iso-instant.sql';
import { KeptReads } from '../kept-read';
import { readPageUnlessUnchanged, writersOf } from '../kept-page.sql';
import { ReadModelMoves } from '../read-model-moves';
import { selectList, SqlConditions } from '../sql-conditions';
import { FiscalYearBudgetQuery } from './fiscal-year-budget.query';

const BUDGET_WRITERS = writersOf(['fiscal_year_budgets']);

/** The year's row as PostgreSQL sends it: bigints as text, the instant as UTC wall time. */
interface BudgetRow {
  readonly nationalBudget: string;
  readonly committed: string;
  readonly remaining: string;
  readonly intakeOpen: boolean;
  readonly adoptedApplications: number;
  readonly decided: string;
  readonly confirmed: string;
  readonly released: string;
  readonly paid: string;
  readonly revision: string;
  readonly updatedAt: string;
}

const SELECT_BUDGET = selectList({
  nationalBudget: 'b.national_budget::text',
  committed: 'b.committed::text',
  remaining: 'b.remaining::text',
  intakeOpen: 'b.intake_open',
  adoptedApplications: 'b.adopted_applications',
  decided: 'b.decided::text',
  confirmed: 'b.confirmed::text',
  released: 'b.released::text',
  paid: 'b.paid::text',
  revision: 'b.stream_revision::text',
  updatedAt: utcWallTime('b.updated_at'),
} satisfies Record<keyof BudgetRow, string>);

/** A year whose budget was never set reads as the domain treats it: open, nothing to commit. */
const neverSet = (fiscalYear: number): BudgetView => ({
  fiscalYear,
  nationalBudget: 0,
  committed: 0,
  remaining: 0,
  intakeOpen: true,
  adoptedApplications: 0,
  decided: 0,
  confirmed: 0,
  released: 0,
  paid: 0,
  revision: -1,
});

/**
 * The year's budget, one row read raw: kept per API worker, as the lists' pages are
 * (kept-read.ts), while the budgets' projection has not committed since. Programme officers'
 * round dashboard shows it beside the queue and the statistics, which are kept too.
 */
@QueryHandler(FiscalYearBudgetQuery)
export class FiscalYearBudgetHandler implements IQueryHandler<FiscalYearBudgetQuery, BudgetView> {
  private readonly years: KeptReads<BudgetView>;

  constructor(
    @InjectDataSource() private readonly database: DataSource,
    moves: ReadModelMoves,
  ) {
    this.years = new KeptReads(() => moves.mark(BUDGET_WRITERS));
  }

  execute({ fiscalYear }: FiscalYearBudgetQuery): Promise<BudgetView> {
    return this.years.answer(String(fiscalYear), async (known) => {
      const sql = new SqlConditions();
      sql.where(`b.fiscal_year = ${sql.value(fiscalYear)}`);
      const { version, lines } = await readPageUnlessUnchanged<BudgetRow>(
        this.database,
        sql,
        BUDGET_WRITERS,
        known,
        {
          select: SELECT_BUDGET,
          from: 'fiscal_year_budgets b',
          orderBy: 'b.fiscal_year',
          outerOrderBy: 'p."revision"',
          limit: 1,
        },
      );
      if (lines === undefined) return { version };
      const [row] = lines;
      return { version, answer: row === undefined ? neverSet(fiscalYear) : budgetView(fiscalYear, row) };
    });
  }
}

const budgetView = (fiscalYear: number, row: BudgetRow): BudgetView => ({
  fiscalYear,
  nationalBudget: Number(row.nationalBudget),
  committed: Number(row.committed),
  remaining: Number(row.remaining),
  intakeOpen: row.intakeOpen,
  adoptedApplications: row.adoptedApplications,
  decided: Number(row.decided),
  confirmed: Number(row.confirmed),
  released: Number(row.released),
  paid: Number(row.paid),
  revision: Number(row.revision),
  updatedAt: isoInstantOf(row.updatedAt),
});
