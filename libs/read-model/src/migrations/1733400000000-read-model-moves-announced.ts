import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel on which every move of a projection's checkpoint row is announced, with the row's name. */
export const READ_MODEL_MOVED_CHANNEL = 'read_model_moved';

/**
 * Every change of a checkpoint row is announced on READ_MODEL_MOVED_CHANNEL, by the database
 * itself: whoever moves it (a live batch, a rebuild's switch, a migration, a hand), the API
 * hears it. A projection's tables change only in a transaction that moves its checkpoint row
 * (kept-page.sql.ts), so an API process that has heard nothing of a projection since it read
 * may answer that read again without asking (read-model-moves.ts). PostgreSQL sends the
 * notification at commit, and only if the transaction commits; one transaction's identical
 * notifications are sent once.
 */
export class ReadModelMovesAnnounced1733400000000 implements MigrationInterface {
  name = 'ReadModelMovesAnnounced1733400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION announce_read_model_move() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${READ_MODEL_MOVED_CHANNEL}', CASE WHEN TG_OP = 'DELETE' THEN OLD.name ELSE NEW.name END);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER read_model_moved AFTER INSERT OR UPDATE OR DELETE ON projection_checkpoints
        FOR EACH ROW EXECUTE FUNCTION announce_read_model_move()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER read_model_moved ON projection_checkpoints');
    await queryRunner.query('DROP FUNCTION announce_read_model_move()');
  }
}
