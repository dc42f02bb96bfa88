import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency records are kept for a retention period (IDEMPOTENCY_RETENTION_HOURS), then
 * deleted oldest first (idempotency-retention.ts): the index finds the expired ones without
 * reading the table, which grows with every keyed write (the web keys each revisioned write).
 */
export class IdempotencyRecordsExpire1733100000000 implements MigrationInterface {
  name = 'IdempotencyRecordsExpire1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX idempotency_records_created_at ON idempotency_records (created_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX idempotency_records_created_at');
  }
}
