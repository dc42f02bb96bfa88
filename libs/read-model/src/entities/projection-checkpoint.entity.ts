import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './bigint-number.transformer';

/** Where each projection stands in the event log; moved only by compare-and-set. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpointRow {
  @PrimaryColumn('text')
  name: string;

  /** Opaque store checkpoint: the projection reflects every event up to and including it. Null: nothing yet. */
  @Column('text', { nullable: true })
  checkpoint: string | null;

  @Column('bigint', { name: 'events_processed', default: 0, transformer: bigintAsNumber })
  eventsProcessed: number;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
