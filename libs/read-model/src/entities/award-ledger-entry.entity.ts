import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './bigint-number.transformer';

/**
 * The award ledger: per application, approved → decided → confirmed → paid, with the due
 * dates of what the municipality owes (交付申請, 実績報告). An application has a row from its
 * adoption on (written from the summaries' fold, application-summaries.projection.ts), so
 * `adoptedAt` is always set (migration AwardLedgerOnlyAdopted1733700000000).
 */
@Entity({ name: 'award_ledger' })
@Index('award_ledger_fiscal_year_status_application_id_idx', ['fiscalYear', 'status', 'applicationId'])
@Index('award_ledger_adopted_at_application_id_idx', ['adoptedAt', 'applicationId'])
export class AwardLedgerRow {
  @PrimaryColumn('uuid', { name: 'application_id' })
  applicationId: string;

  @Column('text', { name: 'municipality_code' })
  municipalityCode: string;

  @Column('integer', { name: 'fiscal_year', nullable: true })
  fiscalYear: number | null;

  @Column('text')
  status: string;

  @Column('timestamptz', { name: 'adopted_at', nullable: true })
  adoptedAt: Date | null;

  @Column('bigint', { name: 'approved_grant', nullable: true, transformer: bigintAsNumber })
  approvedGrant: number | null;

  @Column('bigint', { name: 'approved_national_share', nullable: true, transformer: bigintAsNumber })
  approvedNationalShare: number | null;

  /** YYYY-MM-DD (TypeORM hydrates `date` as a string). */
  @Column('date', { name: 'grant_application_due_date', nullable: true })
  grantApplicationDueDate: string | null;

  @Column('bigint', { name: 'applied_grant', nullable: true, transformer: bigintAsNumber })
  appliedGrant: number | null;

  @Column('timestamptz', { name: 'grant_applied_at', nullable: true })
  grantAppliedAt: Date | null;

  @Column('bigint', { name: 'decided_grant', nullable: true, transformer: bigintAsNumber })
  decidedGrant: number | null;

  @Column('bigint', { name: 'decided_national_share', nullable: true, transformer: bigintAsNumber })
  decidedNationalShare: number | null;

  /** From the planned completion until the report is filed, then the report's own. */
  @Column('date', { name: 'report_due_date', nullable: true })
  reportDueDate: string | null;

  @Column('timestamptz', { name: 'reported_at', nullable: true })
  reportedAt: Date | null;

  @Column('bigint', { name: 'confirmed_grant', nullable: true, transformer: bigintAsNumber })
  confirmedGrant: number | null;

  @Column('bigint', { name: 'confirmed_national_share', nullable: true, transformer: bigintAsNumber })
  confirmedNationalShare: number | null;

  /** The rule or figure that set the confirmed grant. */
  @Column('text', { name: 'limited_by', nullable: true })
  limitedBy: string | null;

  /** The national share the budget holds for it now. */
  @Column('bigint', { nullable: true, transformer: bigintAsNumber })
  commitment: number | null;

  @Column('bigint', { transformer: bigintAsNumber })
  paid: number;

  @Column('bigint', { name: 'refund_due', transformer: bigintAsNumber })
  refundDue: number;

  @Column('bigint', { name: 'stream_revision', transformer: bigintAsNumber })
  streamRevision: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
