import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The award ledger held a row for every application, adopted or not, and every batch that
 * moved an application rewrote its row, though the ledger's reads only ever answer adopted
 * ones. The projection now writes an application's row from its adoption on; the rows of
 * applications not adopted go. Their content is the summary's (no award figure is set before
 * adoption), so `down` writes them again from it, as the projection used to.
 */
export class AwardLedgerOnlyAdopted1733700000000 implements MigrationInterface {
  name = 'AwardLedgerOnlyAdopted1733700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM award_ledger WHERE adopted_at IS NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO award_ledger (application_id, municipality_code, fiscal_year, status, paid, refund_due,
                                stream_revision, updated_at)
      SELECT s.id, s.municipality_code, s.fiscal_year, s.status, 0, 0, s.stream_revision, s.updated_at
      FROM application_summaries AS s
      WHERE NOT EXISTS (SELECT 1 FROM award_ledger AS a WHERE a.application_id = s.id)`);
  }
}
