import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import { ReviewQueueRow } from '@l10k/read-model';
import { daysBetween, japanDateOf, municipalityName } from '@l10k/rules';
import { Clock } from '../../clock/clock';
import type {
  ReviewQueueItemView,
  ReviewQueueRoundCountView,
  ReviewQueueView,
} from '../../views/review-queue.view';
import { DEFAULT_PAGE_SIZE } from '../paging/page-query.dto';
import { readRawPrepared } from '../prepared-read';
import { decodeCursor, encodeCursor, isCalendarDay } from '../paging/keyset-cursor';
import { ProgrammeQueueCounts } from './programme-queue-counts';
import { ReviewQueueQuery } from './review-queue.query';

/** A queue line as PostgreSQL sends it (the queue's own small table, read raw: no entity per row). */
interface QueueRow {
  readonly applicationId: string;
  readonly projectTitle: string | null;
  readonly status: ReviewQueueItemView['status'];
  readonly round: string;
  readonly fiscalYear: number;
  readonly municipalityCode: string;
  readonly decisionDueDate: string;
  readonly reviewsDone: number;
  readonly reviewsNeeded: number;
  readonly reviewerIds: string[];
}

const QUEUE_COLUMNS: Record<keyof QueueRow, string> = {
  applicationId: 'q.application_id',
  // Looked up per line of the page (after the index has ordered and limited it), never joined
  // table to table: a plan that scanned every summary to title 50 lines was possible once the
  // statistics lagged a burst of submissions.
  projectTitle: '(SELECT s.project_title FROM application_summaries s WHERE s.id = q.application_id)',
  status: 'q.status',
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
@QueryHandler(ReviewQueueQuery)
export class ReviewQueueHandler implements IQueryHandler<ReviewQueueQuery, ReviewQueueView> {
  constructor(
    @InjectRepository(ReviewQueueRow) private readonly queue: Repository<ReviewQueueRow>,
    private readonly clock: Clock,
    private readonly programmeCounts: ProgrammeQueueCounts,
  ) {}

  async execute({ principal, filters }: ReviewQueueQuery): Promise<ReviewQueueView> {
    const today = japanDateOf(this.clock.now());
    const limit = filters.limit ?? DEFAULT_PAGE_SIZE;
    // A reviewer's own lines are few (the GIN index finds them); the whole programme's are counted once per projected change.
    const seesWholeQueue = principal.roles.includes('program_officer');
    const scoped = (): SelectQueryBuilder<ReviewQueueRow> => {
      const query = this.queue.createQueryBuilder('q');
      // @> (not = ANY) so the GIN index on reviewer_ids can answer "assigned to me".
      if (!seesWholeQueue) query.andWhere('q.reviewer_ids @> ARRAY[:sub]::text[]', { sub: principal.sub });
      if (filters.round) query.andWhere('q.round = :round', { round: filters.round });
      if (filters.fiscalYear)
        query.andWhere('q.fiscal_year = :fiscalYear', { fiscalYear: filters.fiscalYear });
      return query;
    };
    const count = () =>
      readRawPrepared<ReviewQueueRoundCountView>(
        scoped()
          .select('q.round', 'round')
          .addSelect(`(count(*) FILTER (WHERE q.status = 'submitted'))::int`, 'submitted')
          .addSelect(`(count(*) FILTER (WHERE q.status = 'under_review'))::int`, 'underReview')
          .addSelect('(count(*) FILTER (WHERE q.decision_due_date < :today))::int', 'overdue')
          .setParameter('today', today)
          .groupBy('q.round')
          .orderBy('q.round', 'ASC'),
      );
    const page = scoped();
    if (filters.cursor) {
      const after = decodeCursor(filters.cursor, isCalendarDay);
      page.andWhere('(q.decision_due_date, q.application_id) > (:due, :id)', {
        due: after.key,
        id: after.id,
      });
    }
    page.select([]);
    for (const [alias, column] of Object.entries(QUEUE_COLUMNS)) page.addSelect(column, alias);
    const [rows, counts] = await Promise.all([
      readRawPrepared<QueueRow>(
        page
          .orderBy('q.decision_due_date', 'ASC')
          .addOrderBy('q.application_id', 'ASC')
          .limit(limit + 1),
      ),
      seesWholeQueue
        ? this.programmeCounts.of(`${today}|${filters.round ?? ''}|${filters.fiscalYear ?? ''}`, count)
        : count(),
    ]);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      today,
      total: counts.reduce((sum, round) => sum + round.submitted + round.underReview, 0),
      overdue: counts.reduce((sum, round) => sum + round.overdue, 0),
      rounds: counts,
      items: items.map((row): ReviewQueueItemView => {
        const daysRemaining = daysBetween(today, row.decisionDueDate);
        return {
          applicationId: row.applicationId,
          projectTitle: row.projectTitle,
          status: row.status,
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
        };
      }),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ key: last.decisionDueDate, id: last.applicationId })
          : null,
    };
  }
}
