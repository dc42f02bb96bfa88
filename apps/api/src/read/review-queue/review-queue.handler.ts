import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { daysBetween, japanDateOf, municipalityName } from '@l10k/rules';
import { Clock } from '../../clock/clock';
import { ownStepOf, type OwnAssignment } from '../../views/own-step';
import type {
  ReviewQueueItemView,
  ReviewQueueRoundCountView,
  ReviewQueueView,
} from '../../views/review-queue.view';
import { DEFAULT_PAGE_SIZE } from '../paging/page-query.dto';
import { queryPrepared } from '../../database/prepared-query';
import { KeptReads } from '../kept-read';
import { ReadModelMoves } from '../read-model-moves';
import { readPageUnlessUnchanged, writersOf } from '../kept-page.sql';
import { selectList, SqlConditions } from '../sql-conditions';
import { decodeCursor, encodeCursor, isCalendarDay } from '../paging/keyset-cursor';
import { ProgrammeQueueCounts } from './programme-queue-counts';
import { ReviewQueueQuery } from './review-queue.query';

/** A queue line as PostgreSQL sends it (the queue's own small table, read raw: no entity per row). */
interface QueueRow {
  readonly applicationId: string;
  readonly projectTitle: string | null;
  readonly status: ReviewQueueItemView['status'];
  /** The bigint as text. */
  readonly revision: string;
  readonly round: string;
  readonly fiscalYear: number;
  readonly municipalityCode: string;
  readonly decisionDueDate: string;
  readonly reviewsDone: number;
  readonly reviewsNeeded: number;
  readonly reviewerIds: string[];
  /** A reviewer's page only (ownPartOf); null when the caller is not among the application's reviewers. */
  readonly ownPart?: { readonly assignment: OwnAssignment; readonly reviewed: boolean } | null;
}

const QUEUE_COLUMNS: Record<Exclude<keyof QueueRow, 'ownPart'>, string> = {
  applicationId: 'q.application_id',
  // Looked up per line of the page (after the index has ordered and limited it), never joined
  // table to table: a plan that scanned every summary to title 50 lines was possible once the
  // statistics lagged a burst of submissions.
  projectTitle: '(SELECT s.project_title FROM application_summaries s WHERE s.id = q.application_id)',
  status: 'q.status',
  revision: 'q.stream_revision::text',
  round: 'q.round',
  fiscalYear: 'q.fiscal_year',
  municipalityCode: 'q.municipality_code',
  decisionDueDate: 'q.decision_due_date::text',
  reviewsDone: 'q.reviews_done',
  reviewsNeeded: 'q.reviews_needed',
  reviewerIds: 'q.reviewer_ids',
};

/**
 * Open applications by decision due date, a page at a time. Days remaining and the overdue
 * flag depend on today's date in Japan, so they are computed at query time, not stored;
 * the counts (by round, summed for the totals) come from one aggregate over the same scope,
 * not from loading the rows, and for the whole programme only when the queue has changed.
 */
const SELECT_LIST = selectList(QUEUE_COLUMNS);

/**
 * The reviewer `sub`'s own part in the line's application, from the summary's record (its
 * current cycle, as the application's view reads it): their assignment, and whether their
 * review is in; null when they are not among its reviewers. Looked up per line of the page,
 * as the title is, and only for a reviewer's own queue: their screen showed where they stand
 * by asking for every line's whole application, one request a line. The step itself is
 * ownStepOf's, as in the application's view.
 */
function ownPartOf(sub: string): string {
  return `(SELECT json_build_object('assignment', a.reviewer, 'reviewed', EXISTS (
        SELECT 1 FROM json_array_elements(s.detail -> 'reviews') AS r(review)
        WHERE r.review ->> 'reviewerId' = ${sub}))
    FROM application_summaries s
    CROSS JOIN LATERAL (SELECT e.reviewer FROM json_array_elements(s.detail -> 'reviewers') AS e(reviewer)
                         WHERE e.reviewer ->> 'reviewerId' = ${sub} LIMIT 1) AS a
    WHERE s.id = q.application_id) AS "ownPart"`;
}

/** What a page of the queue is read from: the queue, and the summaries for the titles. */
const QUEUE_WRITERS = writersOf(['review_queue', 'application_summaries']);

@QueryHandler(ReviewQueueQuery)
export class ReviewQueueHandler implements IQueryHandler<ReviewQueueQuery, ReviewQueueView> {
  private readonly views: KeptReads<ReviewQueueView>;

  constructor(
    @InjectDataSource() private readonly database: DataSource,
    private readonly clock: Clock,
    private readonly programmeCounts: ProgrammeQueueCounts,
    moves: ReadModelMoves,
  ) {
    this.views = new KeptReads(() => moves.mark(QUEUE_WRITERS));
  }

  async execute({ principal, filters }: ReviewQueueQuery): Promise<ReviewQueueView> {
    const today = japanDateOf(this.clock.now());
    const limit = filters.limit ?? DEFAULT_PAGE_SIZE;
    // A reviewer's own lines are few (the GIN index finds them); the whole programme's are counted once per projected change.
    const seesWholeQueue = principal.roles.includes('program_officer');
    const scoped = (): SqlConditions => {
      const sql = new SqlConditions();
      // @> (not = ANY) so the GIN index on reviewer_ids can answer "assigned to me".
      if (!seesWholeQueue) sql.where(`q.reviewer_ids @> ARRAY[${sql.value(principal.sub)}]::text[]`);
      if (filters.round) sql.where(`q.round = ${sql.value(filters.round)}`);
      if (filters.fiscalYear) sql.where(`q.fiscal_year = ${sql.value(filters.fiscalYear)}`);
      return sql;
    };
    const count = (): Promise<ReviewQueueRoundCountView[]> => {
      const sql = scoped();
      return queryPrepared<ReviewQueueRoundCountView>(
        this.database,
        `SELECT q.round AS "round",
                (count(*) FILTER (WHERE q.status = 'submitted'))::int AS "submitted",
                (count(*) FILTER (WHERE q.status = 'under_review'))::int AS "underReview",
                (count(*) FILTER (WHERE q.decision_due_date < ${sql.value(today)}::date))::int AS "overdue"
           FROM review_queue q ${sql.clause}
          GROUP BY q.round ORDER BY q.round ASC`,
        sql.values,
      );
    };
    const scope = `${today}|${filters.round ?? ''}|${filters.fiscalYear ?? ''}`;
    const page = scoped();
    if (filters.cursor) {
      const after = decodeCursor(filters.cursor, isCalendarDay);
      page.where(
        `(q.decision_due_date, q.application_id) > (${page.value(after.key)}::date, ${page.value(after.id)}::uuid)`,
      );
    }
    // The view follows from the page's conditions (the caller's scope is in their values), the
    // counts' scope (the same, without the cursor) and today's date.
    const key = JSON.stringify([today, seesWholeQueue, page.clause, page.values, limit]);
    return this.views.answer(key, async (known) => {
      // The limit is written into the text (a validated integer), as the planner must see it.
      const lines = readPageUnlessUnchanged<QueueRow>(this.database, page, QUEUE_WRITERS, known, {
        select: seesWholeQueue ? SELECT_LIST : `${SELECT_LIST}, ${ownPartOf(page.value(principal.sub))}`,
        from: 'review_queue q',
        orderBy: 'q.decision_due_date ASC, q.application_id ASC',
        // The due date's ISO text sorts as the date does, byte by byte.
        outerOrderBy: 'p."decisionDueDate" COLLATE "C" ASC, p."applicationId" ASC',
        limit: limit + 1,
      });
      // A reviewer's own counts are read beside the page (cheap, by the GIN index); the
      // programme's are kept per version, read with the page.
      const [{ version, lines: rows }, reviewerCounts] = await Promise.all([
        lines,
        seesWholeQueue ? undefined : count(),
      ]);
      if (rows === undefined) return { version };
      const counts = reviewerCounts ?? (await this.programmeCounts.of(scope, version, count));
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      // Few distinct due dates on a page (one per round): each is measured from today once.
      const daysTo = new Map<string, number>();
      const daysRemainingTo = (dueDate: string): number => {
        let days = daysTo.get(dueDate);
        if (days === undefined) daysTo.set(dueDate, (days = daysBetween(today, dueDate)));
        return days;
      };
      return {
        version,
        answer: {
          today,
          total: counts.reduce((sum, round) => sum + round.submitted + round.underReview, 0),
          overdue: counts.reduce((sum, round) => sum + round.overdue, 0),
          rounds: counts,
          items: items.map((row): ReviewQueueItemView => {
            const daysRemaining = daysRemainingTo(row.decisionDueDate);
            return {
              applicationId: row.applicationId,
              projectTitle: row.projectTitle,
              status: row.status,
              revision: Number(row.revision),
              round: row.round,
              fiscalYear: row.fiscalYear,
              municipalityCode: row.municipalityCode,
              municipalityName: municipalityName(row.municipalityCode) ?? null,
              decisionDueDate: row.decisionDueDate,
              daysRemaining,
              overdue: daysRemaining < 0,
              reviewsDone: row.reviewsDone,
              reviewsNeeded: row.reviewsNeeded,
              reviewerIds: row.reviewerIds,
              ownStep: row.ownPart ? ownStepOf(row.ownPart.assignment, row.ownPart.reviewed) : null,
            };
          }),
          nextCursor:
            rows.length > limit && last
              ? encodeCursor({ key: last.decisionDueDate, id: last.applicationId })
              : null,
        },
      };
    });
  }
}
