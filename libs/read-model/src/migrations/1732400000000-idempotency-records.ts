import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The first answer to each Idempotency-Key, replayed for repeats of the same write. */
export class IdempotencyRecords1732400000000 implements MigrationInterface {
  name = 'IdempotencyRecords1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_records (
        idempotency_key uuid PRIMARY KEY,
        fingerprint text NOT NULL,
        status integer NOT NULL,
        body jsonb NOT NULL,
        revision integer,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_records');
  }
}
