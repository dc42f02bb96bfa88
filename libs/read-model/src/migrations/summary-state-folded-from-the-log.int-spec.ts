import { applicationSummariesProjection, PostgresCheckpointStore } from '@l10k/read-model';
import { migrationFixture, type MigrationFixture } from '../../test/migration-fixture';
import { SummaryStateFoldedFromTheLog1733000000000 } from './1733000000000-summary-state-folded-from-the-log';

describe('the migration that stops storing a summary’s folded state', () => {
  let fixture: MigrationFixture;

  const columns = async (): Promise<Array<{ name: string; type: string; nullable: string }>> =>
    fixture.dataSource.query(
      `SELECT column_name AS name, data_type AS type, is_nullable AS nullable FROM information_schema.columns
        WHERE table_name = 'application_summaries' AND column_name IN ('state', 'detail') ORDER BY column_name`,
    );

  beforeAll(async () => {
    fixture = await migrationFixture(
      'summary_state_migration',
      new SummaryStateFoldedFromTheLog1733000000000(),
      {
        seed: 3,
        applications: 4,
        perAppend: 2,
      },
    );
  });

  afterAll(() => fixture.close());

  it('leaves the summary its detail only (up, as every database now stands)', async () => {
    expect(await columns()).toEqual([{ name: 'detail', type: 'json', nullable: 'NO' }]);
    await fixture.project(applicationSummariesProjection);
    expect(await fixture.rowCount('application_summaries')).toBe(4);
  });

  it('down: gives the column back and empties the projection’s tables with its checkpoint, so the projector refolds them; up again drops it', async () => {
    const checkpoints = new PostgresCheckpointStore(fixture.dataSource);
    await checkpoints.advance(
      'application_summaries',
      (await checkpoints.position('application_summaries')).checkpoint,
      {
        checkpoint: fixture.events[fixture.events.length - 1].checkpoint,
        events: fixture.events.length,
      },
    );
    await fixture.migrate('down');
    expect(await columns()).toEqual([
      { name: 'detail', type: 'json', nullable: 'NO' },
      { name: 'state', type: 'json', nullable: 'NO' },
    ]);
    for (const table of applicationSummariesProjection.tables) expect(await fixture.rowCount(table)).toBe(0);
    expect(await checkpoints.position('application_summaries')).toEqual({
      checkpoint: null,
      eventsProcessed: 0,
    });

    await fixture.migrate('up');
    expect(await columns()).toEqual([{ name: 'detail', type: 'json', nullable: 'NO' }]);
    await fixture.project(applicationSummariesProjection);
    expect(await fixture.rowCount('application_summaries')).toBe(4);
  });
});
