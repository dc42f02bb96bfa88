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

  @Column('bigint', { name: 'stream_revision', transformer: bigintAsNumber })
  streamRevision: number;

  /** The instant of the last event folded in. */
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
