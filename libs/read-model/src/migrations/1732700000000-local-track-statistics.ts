import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The local track in the round statistics: each fact says which track it counts for. Every
 * row written before is a national submission (no report to MIC existed), so the default
 * fills them and no replay is needed.
 */
export class LocalTrackStatistics1732700000000 implements MigrationInterface {
  name = 'LocalTrackStatistics1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE round_statistics ADD COLUMN track text NOT NULL DEFAULT 'national'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE round_statistics DROP COLUMN track`);
  }
}
