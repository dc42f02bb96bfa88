import type { MigrationInterface, QueryRunner } from 'typeorm';
import { READ_MODEL_MOVED_CHANNEL } from './1733400000000-read-model-moves-announced';

/** The payload that announces a move of every projection at once: no checkpoint is named `*`. */
export const EVERY_READ_MODEL = '*';

/**
 * TRUNCATE fires no row trigger, so emptying the checkpoints (by hand, to have the projector
 * start over) went unannounced: an API process kept answering what it had read before. It is
 * now announced as a move of every projection, at commit, as the row moves are.
 */
export class ReadModelTruncationAnnounced1733500000000 implements MigrationInterface {
  name = 'ReadModelTruncationAnnounced1733500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION announce_every_read_model_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${READ_MODEL_MOVED_CHANNEL}', '${EVERY_READ_MODEL}');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER read_models_truncated AFTER TRUNCATE ON projection_checkpoints
        FOR EACH STATEMENT EXECUTE FUNCTION announce_every_read_model_moved()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER read_models_truncated ON projection_checkpoints');
    await queryRunner.query('DROP FUNCTION announce_every_read_model_moved()');
  }
}
