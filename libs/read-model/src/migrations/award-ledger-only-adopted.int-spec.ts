import { applicationSummariesProjection } from '@l10k/read-model';
import { migrationFixture, type MigrationFixture } from '../../test/migration-fixture';
import { AwardLedgerOnlyAdopted1733700000000 } from './1733700000000-award-ledger-only-adopted';

interface LedgerBesideSummary {
  readonly id: string;
  readonly adopted: boolean;
  readonly summary: { status: string; fiscal_year: number | null; stream_revision: string; updated_at: Date };
  readonly line: Record<string, unknown> | null;
}

/** The columns a line has only once its application is adopted. */
const AWARD_COLUMNS = [
  'adopted_at',
  'approved_grant',
  'approved_national_share',
  'grant_application_due_date',
  'applied_grant',
  'grant_applied_at',
  'decided_grant',
  'decided_national_share',
  'report_due_date',
  'reported_at',
  'confirmed_grant',
  'confirmed_national_share',
  'limited_by',
  'commitment',
];

describe('the migration that keeps the award ledger to adopted applications', () => {
  let fixture: MigrationFixture;

  /** Each summary with its ledger line, if any; adopted as the summary says (an approved grant). */
  const ledgerBesideSummaries = (): Promise<LedgerBesideSummary[]> =>
    fixture.dataSource.query(`
      SELECT s.id, s.approved_grant IS NOT NULL AS adopted,
             json_build_object('status', s.status, 'fiscal_year', s.fiscal_year,
                               'stream_revision', s.stream_revision::text, 'updated_at', s.updated_at) AS summary,
             CASE WHEN a.application_id IS NULL THEN NULL ELSE row_to_json(a) END AS line
      FROM application_summaries AS s LEFT JOIN award_ledger AS a ON a.application_id = s.id
      ORDER BY s.id`);

  beforeAll(async () => {
    fixture = await migrationFixture('award_ledger_migration', new AwardLedgerOnlyAdopted1733700000000(), {
      seed: 7,
      applications: 40,
      perAppend: 4,
    });
  });

  afterAll(() => fixture.close());

  it('leaves a line in the ledger for each adopted application and none for the others (the projection, as every database now stands)', async () => {
    await fixture.project(applicationSummariesProjection);
    const rows = await ledgerBesideSummaries();
    expect(rows).toHaveLength(40);
    // The simulation ends some histories in adoption and the rest elsewhere (drafts, reviews, rejections …).
    const adopted = rows.filter((row) => row.adopted);
    expect(adopted.length).toBeGreaterThan(0);
    expect(adopted.length).toBeLessThan(40);
    for (const row of rows) expect(row.line !== null).toBe(row.adopted);
    for (const { line } of adopted) expect(line?.adopted_at).not.toBeNull();
  });

  it('down: writes the lines of the applications not adopted again, as the projection wrote them; up removes them again', async () => {
    const adoptedLines = (await ledgerBesideSummaries()).filter((row) => row.adopted);
    await fixture.migrate('down');
    const rows = await ledgerBesideSummaries();
    expect(rows.every((row) => row.line !== null)).toBe(true);
    expect(rows.filter((row) => row.adopted)).toEqual(adoptedLines);
    for (const { summary, line, adopted } of rows) {
      if (adopted) continue;
      expect(line).toMatchObject({
        municipality_code: expect.any(String),
        status: summary.status,
        fiscal_year: summary.fiscal_year,
        paid: 0,
        refund_due: 0,
        stream_revision: Number(summary.stream_revision),
        updated_at: summary.updated_at,
      });
      for (const column of AWARD_COLUMNS) expect(line?.[column]).toBeNull();
    }
    await fixture.migrate('up');
    expect(await fixture.rowCount('award_ledger')).toBe(adoptedLines.length);
  });
});
