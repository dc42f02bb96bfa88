import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { japanDateOf, municipalityName } from '@l10k/rules';
import { Clock } from '../../clock/clock';
import type { OverdueItemView, OverdueView } from '../../views/award-ledger.view';
import { queryPrepared } from '../../database/prepared-query';
import { KeptReads } from '../kept-read';
import { readPageUnlessUnchanged } from '../kept-page.sql';
import { DEFAULT_PAGE_SIZE } from '../paging/page-query.dto';
import { decodeCursor, encodeCursor, isCalendarDay } from '../paging/keyset-cursor';
import { ReadModelMoves } from '../read-model-moves';
import { selectList, type SqlConditions } from '../sql-conditions';
import { nextDue, type DueFacts } from './award-due';
import { DUE_COLUMNS, LEDGER_WRITERS, ledgerScope, PROJECT_TITLE } from './award-ledger-lines';
import { OverdueAwardsQuery } from './overdue-awards.query';

/** An overdue line as PostgreSQL sends it. */
interface OverdueRow extends DueFacts {
  readonly applicationId: string;
  readonly projectTitle: string | null;
  readonly municipalityCode: string;
  readonly fiscalYear: number | null;
  /** The date the line is ordered by: the grant application's until it is made, then the report's. */
  readonly dueDate: string;
}

/** The due date a line is ordered by, as SQL. */
const DUE_DATE =
  'CASE WHEN a.grant_applied_at IS NULL THEN a.grant_application_due_date ELSE a.report_due_date END';

const SELECT_OVERDUE_LINE = selectList({
  applicationId: 'a.application_id',
  projectTitle: PROJECT_TITLE,
  municipalityCode: 'a.municipality_code',
  fiscalYear: 'a.fiscal_year',
  dueDate: `(${DUE_DATE})::text`,
  ...DUE_COLUMNS,
} satisfies Record<keyof OverdueRow, string>);

/** Grant applications not made and performance reports not filed by their due date, before `today`. */
function overdueOnly(sql: SqlConditions, today: string): SqlConditions {
  const before = `${sql.value(today)}::date`;
  return sql.where("a.status <> 'abandoned'").where(
    `(a.grant_applied_at IS NULL AND a.grant_application_due_date < ${before})
      OR (a.grant_applied_at IS NOT NULL AND a.reported_at IS NULL AND a.report_due_date < ${before})`,
  );
}

/**
 * What is overdue, longest past due first, keyset-paged on (due date, application_id), with
 * how many are overdue in scope on all pages. Kept as the ledger's pages are: while the ledger
 * has not changed and the day in Japan is the same.
 */
@QueryHandler(OverdueAwardsQuery)
export class OverdueAwardsHandler implements IQueryHandler<OverdueAwardsQuery, OverdueView> {
  private readonly pages: KeptReads<OverdueView>;

  constructor(
    @InjectDataSource() private readonly database: DataSource,
    private readonly clock: Clock,
    moves: ReadModelMoves,
  ) {
    this.pages = new KeptReads(() => moves.mark(LEDGER_WRITERS));
  }

  async execute({ principal, filters }: OverdueAwardsQuery): Promise<OverdueView> {
    const today = japanDateOf(this.clock.now());
    const limit = filters.limit ?? DEFAULT_PAGE_SIZE;
    const overdue = () => overdueOnly(ledgerScope(principal, filters), today);
    const page = overdue();
    if (filters.cursor) {
      const after = decodeCursor(filters.cursor, isCalendarDay);
      page.where(
        `(${DUE_DATE}, a.application_id) > (${page.value(after.key)}::date, ${page.value(after.id)}::uuid)`,
      );
    }
    const count = async (): Promise<number> => {
      const sql = overdue();
      const [{ total }] = await queryPrepared<{ total: number }>(
        this.database,
        `SELECT count(*)::int AS total FROM award_ledger a ${sql.clause}`,
        sql.values,
      );
      return total;
    };
    // The page follows from its conditions (the caller's scope and today are in their values).
    const key = JSON.stringify([page.clause, page.values, limit]);
    return this.pages.answer(key, async (known) => {
      // The count is read only with a page: a kept page keeps its total.
      const [{ version, lines }, total] = await Promise.all([
        readPageUnlessUnchanged<OverdueRow>(this.database, page, LEDGER_WRITERS, known, {
          select: SELECT_OVERDUE_LINE,
          from: 'award_ledger a',
          orderBy: `${DUE_DATE} ASC, a.application_id ASC`,
          // The due date's ISO text sorts as the date does, byte by byte.
          outerOrderBy: 'p."dueDate" COLLATE "C" ASC, p."applicationId" ASC',
          limit: limit + 1,
        }),
        count(),
      ]);
      if (lines === undefined) return { version };
      const items = lines.slice(0, limit).flatMap((row): OverdueItemView[] => {
        const due = nextDue(row, today);
        if (due === null) return [];
        return [
          {
            applicationId: row.applicationId,
            projectTitle: row.projectTitle,
            municipalityCode: row.municipalityCode,
            municipalityName: municipalityName(row.municipalityCode) ?? null,
            fiscalYear: row.fiscalYear ?? 0,
            status: row.status,
            kind: due.kind,
            dueDate: due.dueDate,
            daysRemaining: due.daysRemaining,
            overdue: due.overdue,
          },
        ];
      });
      const last = items[items.length - 1];
      return {
        version,
        answer: {
          today,
          total,
          items,
          nextCursor:
            lines.length > limit && last ? encodeCursor({ key: last.dueDate, id: last.applicationId }) : null,
        },
      };
    });
  }
}
