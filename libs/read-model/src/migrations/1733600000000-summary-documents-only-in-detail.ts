import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A summary's reviewers and decision were kept twice: in columns of their own (jsonb) and in
 * the record (`detail`) the API answers with. Nothing read the columns (the API reads the
 * record, and "assigned to me" reads `reviewer_ids`), yet every write built them as jsonb and
 * logged them. Measured on bench:projector's 300,000 events: a rebuild's WAL 110-111 MB with
 * them, 96 MB without (three runs each, alternated).
 */
export class SummaryDocumentsOnlyInDetail1733600000000 implements MigrationInterface {
  name = 'SummaryDocumentsOnlyInDetail1733600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE application_summaries DROP COLUMN reviewers, DROP COLUMN decision');
  }

  /** The columns again, filled from the record as the projection used to write them. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE application_summaries ADD COLUMN reviewers jsonb, ADD COLUMN decision jsonb',
    );
    await queryRunner.query(`
      UPDATE application_summaries SET
        decision = (detail -> 'decision')::jsonb,
        reviewers = jsonb_build_object(
          'assigned', to_jsonb(reviewer_ids),
          'recused', (SELECT coalesce(jsonb_agg(reviewer ->> 'reviewerId' ORDER BY position), '[]'::jsonb)
                        FROM json_array_elements(detail -> 'reviewers') WITH ORDINALITY AS r(reviewer, position)
                       WHERE (reviewer ->> 'recused')::boolean))`);
    await queryRunner.query('ALTER TABLE application_summaries ALTER COLUMN reviewers SET NOT NULL');
    await queryRunner.query(
      'ALTER TABLE application_summaries ALTER COLUMN reviewers SET STATISTICS 0, ALTER COLUMN decision SET STATISTICS 0',
    );
  }
}
