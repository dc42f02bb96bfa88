import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An application summary's two documents, `state` (the fold's input) and `detail` (the
 * record the API answers with), as `json` instead of `jsonb`: they are only ever written
 * whole and read whole, never queried inside, and building jsonb from their text was most
 * of a rebuild's database work (PostgreSQL parses ~6 KB per row into its binary form, then
 * renders it back to text on every read). `json` keeps the text as written, checked.
 */
export class SummaryDocumentsAsJson1732900000000 implements MigrationInterface {
  name = 'SummaryDocumentsAsJson1732900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE application_summaries
        ALTER COLUMN state TYPE json USING state::json,
        ALTER COLUMN detail TYPE json USING detail::json`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE application_summaries
        ALTER COLUMN state TYPE jsonb USING state::jsonb,
        ALTER COLUMN detail TYPE jsonb USING detail::jsonb`);
  }
}
