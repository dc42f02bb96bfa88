import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ROUND_TOTALS, roundStatisticsOf, type RoundTotals } from '@l10k/read-model';
import type { MonthlyStatisticsView } from '../../views/monthly-statistics.view';
import { KeptReads } from '../kept-read';
import { readPageUnlessUnchanged, writersOf } from '../kept-page.sql';
import { ReadModelMoves } from '../read-model-moves';
import { SqlConditions } from '../sql-conditions';
import { MonthlyStatisticsQuery } from './monthly-statistics.query';

const STATISTICS_WRITERS = writersOf(['round_statistics']);

/** A fiscal year has twelve rounds: at most twelve lines of totals. */
const ROUNDS_PER_YEAR = 12;

/**
 * A fiscal year's totals are summed over every submission of the year, a few milliseconds of
 * PostgreSQL's time at 10,000 applications: kept per API worker, as the lists' pages are
 * (kept-read.ts), while the statistics' projection has not committed since.
 */
@QueryHandler(MonthlyStatisticsQuery)
export class MonthlyStatisticsHandler implements IQueryHandler<
  MonthlyStatisticsQuery,
  MonthlyStatisticsView
> {
  private readonly years: KeptReads<MonthlyStatisticsView>;

  constructor(
    @InjectDataSource() private readonly database: DataSource,
    moves: ReadModelMoves,
  ) {
    this.years = new KeptReads(() => moves.mark(STATISTICS_WRITERS));
  }

  execute({ fiscalYear }: MonthlyStatisticsQuery): Promise<MonthlyStatisticsView> {
    return this.years.answer(String(fiscalYear), async (known) => {
      const sql = new SqlConditions();
      sql.where(`r.fiscal_year = ${sql.value(fiscalYear)}`);
      const { version, lines } = await readPageUnlessUnchanged<RoundTotals>(
        this.database,
        sql,
        STATISTICS_WRITERS,
        known,
        {
          select: `r.round AS round, ${ROUND_TOTALS}`,
          from: 'round_statistics r',
          groupBy: 'r.round',
          orderBy: 'r.round',
          outerOrderBy: 'p.round',
          limit: ROUNDS_PER_YEAR,
        },
      );
      if (lines === undefined) return { version };
      return { version, answer: { fiscalYear, rounds: roundStatisticsOf(fiscalYear, lines) } };
    });
  }
}
