import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The grant's life after adoption on the read side: the budget's decided, confirmed,
 * released and paid sums; each application's documented record (`detail`, the answer,
 * where `state` stays the fold's input only); and the award ledger. A projection whose rows
 * gain a column that only a replay can fill starts again from the first event: its rows
 * and its checkpoint are reset here, and the projector refills them on its next run.
 */
export class AwardReadModels1732600000000 implements MigrationInterface {
  name = 'AwardReadModels1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM fiscal_year_budgets`);
    for (const column of ['decided', 'confirmed', 'released', 'paid'])
      await queryRunner.query(`ALTER TABLE fiscal_year_budgets ADD COLUMN ${column} bigint NOT NULL`);

    await queryRunner.query(`DELETE FROM application_summaries`);
    await queryRunner.query(`ALTER TABLE application_summaries ADD COLUMN detail jsonb NOT NULL`);

    await queryRunner.query(
      `UPDATE projection_checkpoints SET checkpoint = NULL, events_processed = 0, updated_at = now()
        WHERE name IN ('fiscal_year_budgets', 'application_summaries')`,
    );

    await queryRunner.query(`
      CREATE TABLE award_ledger (
        application_id uuid PRIMARY KEY,
        municipality_code text NOT NULL,
        fiscal_year integer,
        status text NOT NULL,
        adopted_at timestamptz,
        approved_grant bigint,
        approved_national_share bigint,
        grant_application_due_date date,
        applied_grant bigint,
        grant_applied_at timestamptz,
        decided_grant bigint,
        decided_national_share bigint,
        report_due_date date,
        reported_at timestamptz,
        confirmed_grant bigint,
        confirmed_national_share bigint,
        limited_by text,
        commitment bigint,
        paid bigint NOT NULL,
        refund_due bigint NOT NULL,
        stream_revision bigint NOT NULL,
        updated_at timestamptz NOT NULL,
        state jsonb NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX award_ledger_fiscal_year_status_application_id_idx ON award_ledger (fiscal_year, status, application_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX award_ledger_adopted_at_application_id_idx ON award_ledger (adopted_at, application_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE award_ledger`);
    await queryRunner.query(`ALTER TABLE application_summaries DROP COLUMN detail`);
    for (const column of ['decided', 'confirmed', 'released', 'paid'])
      await queryRunner.query(`ALTER TABLE fiscal_year_budgets DROP COLUMN ${column}`);
  }
}
