import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The summary's documents: written and read whole, never in a condition, a join or an order. */
const DOCUMENTS = ['detail', 'decision', 'reviewers'] as const;

const setStatisticsOfDocuments = (target: number): string =>
  `ALTER TABLE application_summaries ${DOCUMENTS.map((column) => `ALTER COLUMN ${column} SET STATISTICS ${target}`).join(', ')}`;

/**
 * ANALYZE gathers no statistics for the summaries' documents: the planner never uses them,
 * and they were most of what analysing the table cost (json values measured and jsonb ones
 * sorted and compared for their most common values). The table's ANALYZE on the 300k-event
 * benchmark log: 713-794 ms with them, 457-490 ms without; every autovacuum analyse of the
 * live table and every rebuild (shadow-tables.ts copies the targets) saves as much.
 */
export class NoStatisticsForDocuments1733300000000 implements MigrationInterface {
  name = 'NoStatisticsForDocuments1733300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(setStatisticsOfDocuments(0));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(setStatisticsOfDocuments(-1));
  }
}
