import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency records are kept for a retention period (IDEMPOTENCY_RETENTION_HOURS), then
 * deleted oldest first (idempotency-retention.ts): the index finds the expired ones without
 * reading the table, which grows with every keyed write (the web keys each revisioned write).
 * The answer is kept as `json`, the text as it was sent: a replay gives back the same
 * document in the same order, and no keyed write pays for building a jsonb it never queries.
 */
export class IdempotencyRecordsExpire1733100000000 implements MigrationInterface {
  name = 'IdempotencyRecordsExpire1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX idempotency_records_created_at ON idempotency_records (created_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE idempotency_records ALTER COLUMN body TYPE jsonb');
    await queryRunner.query('DROP INDEX idempotency_records_created_at');
  }
}
