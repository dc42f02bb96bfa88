import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The summaries, the review queue and the award ledger come from one fold of each
 * application (the application_summaries projection): the folded state is kept once, in
 * application_summaries.state, instead of three times. The review queue's and the ledger's
 * own copies go, with their checkpoints; the three tables are emptied and their checkpoint
 * restarts, so the projector refolds them together from the start of the log.
 */
export class OneFoldForApplicationViews1732800000000 implements MigrationInterface {
  name = 'OneFoldForApplicationViews1732800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE review_queue_states');
    await queryRunner.query('ALTER TABLE award_ledger DROP COLUMN state');
    await queryRunner.query('TRUNCATE application_summaries, review_queue, award_ledger');
    await queryRunner.query(
      `DELETE FROM projection_checkpoints
        WHERE name IN ('application_summaries', 'review_queue', 'award_ledger',
                       'application_summaries__rebuild', 'review_queue__rebuild', 'award_ledger__rebuild')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE review_queue_states (
        application_id uuid PRIMARY KEY,
        stream_revision bigint NOT NULL,
        state jsonb NOT NULL
      )`);
    await queryRunner.query('TRUNCATE application_summaries, review_queue, award_ledger');
    await queryRunner.query('ALTER TABLE award_ledger ADD COLUMN state jsonb NOT NULL');
    await queryRunner.query(
      "DELETE FROM projection_checkpoints WHERE name IN ('application_summaries', 'application_summaries__rebuild')",
    );
  }
}
