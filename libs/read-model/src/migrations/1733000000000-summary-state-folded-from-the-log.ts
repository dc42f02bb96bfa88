import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An application summary no longer stores the folded state beside its `detail`: the
 * projector keeps the folds it made in memory and folds any other application again from
 * its stream, up to the revision the row reflects (fold-stored-application.ts). The state
 * was half of every summary row's bytes, written on every batch and never read by the API.
 * Down adds the column back; the rows cannot have it, so the three tables of the
 * application_summaries projection are emptied and its checkpoint restarts, as when the
 * fold first came together (1732800000000): the projector refolds them from the log.
 */
export class SummaryStateFoldedFromTheLog1733000000000 implements MigrationInterface {
  name = 'SummaryStateFoldedFromTheLog1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE application_summaries DROP COLUMN state');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('TRUNCATE application_summaries, review_queue, award_ledger');
    await queryRunner.query('ALTER TABLE application_summaries ADD COLUMN state json NOT NULL');
    await queryRunner.query(
      "DELETE FROM projection_checkpoints WHERE name IN ('application_summaries', 'application_summaries__rebuild')",
    );
  }
}
