import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ReviewQueueRow } from '@l10k/read-model';
import { daysBetween, japanDateOf } from '@l10k/rules';
import { Clock } from '../../clock/clock';
import type { ReviewQueueView } from '../../views/review-queue.view';
import { ReviewQueueQuery } from './review-queue.query';

/**
 * Open applications by decision due date. Days remaining and the overdue flag depend on
 * today's date in Japan, so they are computed here, at query time, not stored.
 */
@QueryHandler(ReviewQueueQuery)
export class ReviewQueueHandler implements IQueryHandler<ReviewQueueQuery, ReviewQueueView> {
  constructor(
    @InjectRepository(ReviewQueueRow) private readonly queue: Repository<ReviewQueueRow>,
    private readonly clock: Clock,
  ) {}

  async execute({ principal, round }: ReviewQueueQuery): Promise<ReviewQueueView> {
    const query = this.queue.createQueryBuilder('q');
    if (!principal.roles.includes('program_officer'))
      query.andWhere(':sub = ANY(q.reviewer_ids)', { sub: principal.sub });
    if (round) query.andWhere('q.round = :round', { round });
    const rows = await query
      .orderBy('q.decision_due_date', 'ASC')
      .addOrderBy('q.application_id', 'ASC')
      .getMany();
    const today = japanDateOf(this.clock.now());
    return {
      today,
      items: rows.map((row) => {
        const daysRemaining = daysBetween(today, row.decisionDueDate);
        return {
          applicationId: row.applicationId,
          status: row.status,
          round: row.round,
          fiscalYear: row.fiscalYear,
          municipalityCode: row.municipalityCode,
          decisionDueDate: row.decisionDueDate,
          daysRemaining,
          overdue: daysRemaining < 0,
          reviewsDone: row.reviewsDone,
          reviewsNeeded: row.reviewsNeeded,
          reviewerIds: row.reviewerIds,
        };
      }),
    };
  }
}
