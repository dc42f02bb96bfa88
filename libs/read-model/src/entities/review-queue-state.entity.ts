import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExistingApplication } from '@l10k/domain';
import { bigintAsNumber } from './bigint-number.transformer';

/**
 * Every application's folded state, for the review queue: the queue forgets an application
 * when it leaves, and this row remembers it, so a late redelivery cannot bring it back.
 */
@Entity({ name: 'review_queue_states' })
export class ReviewQueueStateRow {
  @PrimaryColumn('uuid', { name: 'application_id' })
  applicationId: string;

  @Column('bigint', { name: 'stream_revision', transformer: bigintAsNumber })
  streamRevision: number;

  /** The application as `foldApplication` gives it after `streamRevision`. */
  @Column('jsonb')
  state: ExistingApplication;
}
