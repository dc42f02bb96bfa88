import { applicationSummariesProjection, type ApplicationRecord } from '@l10k/read-model';
import { migrationFixture, type MigrationFixture } from '../../test/migration-fixture';
import { SummaryDocumentsOnlyInDetail1733600000000 } from './1733600000000-summary-documents-only-in-detail';

interface RestoredRow {
  readonly reviewerIds: string[];
  readonly reviewers: { assigned: string[]; recused: string[] };
  readonly decision: unknown;
  readonly detail: ApplicationRecord;
}

describe('the migration that keeps a summary’s reviewers and decision in its record only', () => {
  let fixture: MigrationFixture;

  const columns = async (): Promise<string[]> =>
    (
      await fixture.dataSource.query(
        `SELECT column_name AS name FROM information_schema.columns
          WHERE table_name = 'application_summaries' AND column_name IN ('reviewers', 'decision', 'detail')
          ORDER BY column_name`,
      )
    ).map((column: { name: string }) => column.name);

  beforeAll(async () => {
    fixture = await migrationFixture(
      'summary_documents_migration',
      new SummaryDocumentsOnlyInDetail1733600000000(),
      {
        seed: 5,
        applications: 40,
        perAppend: 4,
      },
    );
  });

  afterAll(() => fixture.close());

  it('leaves the summary no column that repeats its record (up, as every database now stands)', async () => {
    expect(await columns()).toEqual(['detail']);
    await fixture.project(applicationSummariesProjection);
    expect(await fixture.rowCount('application_summaries')).toBe(40);
  });

  it('down: gives both columns back, filled from each record as the projection wrote them; up again drops them', async () => {
    await fixture.migrate('down');
    expect(await columns()).toEqual(['decision', 'detail', 'reviewers']);
    const rows: RestoredRow[] = await fixture.dataSource.query(
      'SELECT reviewer_ids AS "reviewerIds", reviewers, decision, detail FROM application_summaries',
    );
    // The simulation's applications include decided ones and reviewers who recused themselves.
    expect(rows.filter((row) => row.decision !== null).length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.reviewers.recused.length > 0).length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.decision).toEqual(row.detail.decision ?? null);
      expect(row.reviewers).toEqual({
        assigned: row.reviewerIds,
        recused: row.detail.reviewers
          .filter((reviewer) => reviewer.recused)
          .map((reviewer) => reviewer.reviewerId),
      });
    }
    await fixture.migrate('up');
    expect(await columns()).toEqual(['detail']);
  });
});
