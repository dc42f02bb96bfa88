import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './bigint-number.transformer';

/** Every event of an application, as the audit history shows it. */
@Entity({ name: 'application_history' })
export class ApplicationHistoryRow {
  @PrimaryColumn('uuid', { name: 'application_id' })
  applicationId: string;

  @PrimaryColumn('bigint', { transformer: bigintAsNumber })
  revision: number;

  /** The store's global position (PostgreSQL: sequence value; not gap-free). */
  @Column('bigint', { name: 'global_position', transformer: bigintAsNumber })
  globalPosition: number;

  @Column('text')
  checkpoint: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('text')
  type: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('text', { name: 'actor_sub' })
  actorSub: string;

  @Column('text', { name: 'actor_role' })
  actorRole: string;

  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('text')
  hash: string;
}
