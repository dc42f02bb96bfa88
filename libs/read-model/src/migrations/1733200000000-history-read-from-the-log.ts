import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An application's history is read from its stream in the event store (as its state at an
 * instant already was), not from a projected copy: the `application_history` table, its
 * rebuild leftovers and its checkpoints go. The copy held every event of every application
 * again (955,522 rows and about 0.7 GB for a 1M-event log), and keeping it cost the projector
 * and PostgreSQL more than every other read model together.
 */
export class HistoryReadFromTheLog1733200000000 implements MigrationInterface {
  name = 'HistoryReadFromTheLog1733200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS application_history__rebuild');
    await queryRunner.query('DROP TABLE application_history');
    await queryRunner.query(
      `DELETE FROM projection_checkpoints WHERE name IN ('application_history', 'application_history__rebuild')`,
    );
  }

  /** The table as it was, empty: the projector of that version fills it from the start of the log. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE application_history (
        application_id uuid NOT NULL,
        revision bigint NOT NULL,
        global_position bigint NOT NULL,
        checkpoint text NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        actor_sub text NOT NULL,
        actor_role text NOT NULL,
        data jsonb NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (application_id, revision)
      )`);
  }
}
