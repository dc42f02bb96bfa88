import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ApplicationRecord } from '../records/application-record';
import { bigintAsNumber } from './bigint-number.transformer';

/** One row per application: backs `GET /v1/applications/{id}` and the filtered, cursor-paged list. */
@Entity({ name: 'application_summaries' })
@Index('application_summaries_created_at_id_idx', ['createdAt', 'id'])
@Index('application_summaries_status_created_at_id_idx', ['status', 'createdAt', 'id'])
@Index('application_summaries_round_created_at_id_idx', ['round', 'createdAt', 'id'])
@Index('application_summaries_fiscal_year_created_at_id_idx', ['fiscalYear', 'createdAt', 'id'])
@Index('application_summaries_municipality_code_created_at_id_idx', ['municipalityCode', 'createdAt', 'id'])
// GIN, which TypeORM cannot declare: the migration owns it.
@Index('application_summaries_reviewer_ids_idx', { synchronize: false })
export class ApplicationSummaryRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'municipality_code' })
  municipalityCode: string;

  @Column('text')
  status: string;

  @Column('text', { nullable: true })
  round: string | null;

  @Column('integer', { name: 'fiscal_year', nullable: true })
  fiscalYear: number | null;

  @Column('timestamptz', { nullable: true })
  deadline: Date | null;

  /** YYYY-MM-DD (TypeORM hydrates `date` as a string). */
  @Column('date', { name: 'decision_due_date', nullable: true })
  decisionDueDate: string | null;

  @Column('text', { name: 'project_title', nullable: true })
  projectTitle: string | null;

  @Column('text', { name: 'business_name', nullable: true })
  businessName: string | null;

  @Column('text')
  track: string;

  @Column('bigint', { name: 'requested_grant', nullable: true, transformer: bigintAsNumber })
  requestedGrant: number | null;

  @Column('bigint', { name: 'approved_grant', nullable: true, transformer: bigintAsNumber })
  approvedGrant: number | null;

  @Column('bigint', { name: 'national_share', nullable: true, transformer: bigintAsNumber })
  nationalShare: number | null;

  @Column('bigint', { name: 'special_tax_share', nullable: true, transformer: bigintAsNumber })
  specialTaxShare: number | null;

  @Column('bigint', { name: 'municipal_share', nullable: true, transformer: bigintAsNumber })
  municipalShare: number | null;

  @Column('text', { name: 'rule_set_id', nullable: true })
  ruleSetId: string | null;

  @Column('boolean', { nullable: true })
  provisional: boolean | null;

  /** The current cycle's assigned reviewers (GIN-indexed: "assigned to me"). */
  @Column('text', { name: 'reviewer_ids', array: true })
  reviewerIds: string[];

  @Column('integer', { name: 'reviews_done' })
  reviewsDone: number;

  /** The submission rule set's minimum; null before the first submission. */
  @Column('integer', { name: 'reviews_needed', nullable: true })
  reviewsNeeded: number | null;

  @Column('integer', { name: 'review_cycle' })
  reviewCycle: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  /** The instant of the last event folded in (its `occurredAt`), not the projector's clock. */
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('bigint', { name: 'stream_revision', transformer: bigintAsNumber })
  streamRevision: number;

  /**
   * The documented record the API answers with (views hide what a viewer may not see), and
   * the row's one copy of its reviewers, reviews and decision.
   * `json`, not `jsonb`: written and read whole, never queried inside.
   */
  @Column('json')
  detail: ApplicationRecord;
}
