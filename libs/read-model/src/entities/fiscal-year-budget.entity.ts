import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './bigint-number.transformer';

/** A fiscal year's national budget as `foldBudget` gives it. */
@Entity({ name: 'fiscal_year_budgets' })
export class FiscalYearBudgetRow {
  @PrimaryColumn('integer', { name: 'fiscal_year' })
  fiscalYear: number;

  @Column('bigint', { name: 'national_budget', transformer: bigintAsNumber })
  nationalBudget: number;

  @Column('bigint', { transformer: bigintAsNumber })
  committed: number;

  @Column('bigint', { transformer: bigintAsNumber })
  remaining: number;

  @Column('boolean', { name: 'intake_open' })
  intakeOpen: boolean;

  @Column('integer', { name: 'adopted_applications' })
  adoptedApplications: number;

  /** Sum of the grant decisions' national shares (交付決定). */
  @Column('bigint', { transformer: bigintAsNumber })
  decided: number;

  /** Sum of the latest confirmed national shares (額の確定). */
  @Column('bigint', { transformer: bigintAsNumber })
  confirmed: number;

  /** What decisions, abandonments and confirmations gave back. */
  @Column('bigint', { transformer: bigintAsNumber })
  released: number;

  @Column('bigint', { transformer: bigintAsNumber })
  paid: number;

  @Column('bigint', { name: 'stream_revision', transformer: bigintAsNumber })
  streamRevision: number;

  /** The instant of the last event folded in. */
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
