import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './bigint-number.transformer';

/**
 * An open application (submitted or under review). `daysRemaining` and `overdue` are not
 * stored: they depend on today's date in Japan, so the query computes them.
 */
@Entity({ name: 'review_queue' })
@Index('review_queue_decision_due_date_application_id_idx', ['decisionDueDate', 'applicationId'])
@Index('review_queue_round_decision_due_date_idx', ['round', 'decisionDueDate'])
// GIN, which TypeORM cannot declare: the migration owns it.
@Index('review_queue_reviewer_ids_idx', { synchronize: false })
export class ReviewQueueRow {
  @PrimaryColumn('uuid', { name: 'application_id' })
  applicationId: string;

  @Column('text')
  round: string;

  @Column('integer', { name: 'fiscal_year' })
  fiscalYear: number;

  /** YYYY-MM-DD. */
  @Column('date', { name: 'decision_due_date' })
  decisionDueDate: string;

  @Column('text', { name: 'municipality_code' })
  municipalityCode: string;

  @Column('text', { name: 'reviewer_ids', array: true })
  reviewerIds: string[];

  @Column('integer', { name: 'reviews_done' })
  reviewsDone: number;

  @Column('integer', { name: 'reviews_needed' })
  reviewsNeeded: number;

  @Column('text')
  status: 'submitted' | 'under_review';

  @Column('bigint', { name: 'stream_revision', transformer: bigintAsNumber })
  streamRevision: number;
}
