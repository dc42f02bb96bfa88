import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Track } from '@l10k/rules';
import { bigintAsNumber } from './bigint-number.transformer';

/** National: adopted, rejected, withdrawn, revision_requested; local: acknowledged, returned, withdrawn. */
export type RoundOutcome =
  'adopted' | 'rejected' | 'withdrawn' | 'revision_requested' | 'acknowledged' | 'returned';

/**
 * One fact per (application, round it was submitted or reported to); monthly statistics are sums of
 * these at query time, so a redelivered event cannot count twice.
 */
@Entity({ name: 'round_statistics' })
@Index('round_statistics_fiscal_year_round_idx', ['fiscalYear', 'round'])
export class RoundStatisticRow {
  @PrimaryColumn('uuid', { name: 'application_id' })
  applicationId: string;

  @PrimaryColumn('text')
  round: string;

  @Column('integer', { name: 'fiscal_year' })
  fiscalYear: number;

  /** National: a (re)submission; local: a report to MIC. */
  @Column('text', { default: 'national' })
  track: Track;

  /** The revision of the (re)submission that put the application in this round; the latest one takes the outcome. */
  @Column('bigint', { name: 'submitted_revision', transformer: bigintAsNumber })
  submittedRevision: number;

  /** Null while open in this round. */
  @Column('text', { nullable: true })
  outcome: RoundOutcome | null;

  @Column('bigint', { name: 'requested_grant', transformer: bigintAsNumber })
  requestedGrant: number;

  @Column('bigint', { name: 'approved_grant', nullable: true, transformer: bigintAsNumber })
  approvedGrant: number | null;

  /** The committed national share (adopted only). */
  @Column('bigint', { name: 'national_share', nullable: true, transformer: bigintAsNumber })
  nationalShare: number | null;

  @Column('bigint', { name: 'stream_revision', transformer: bigintAsNumber })
  streamRevision: number;
}
