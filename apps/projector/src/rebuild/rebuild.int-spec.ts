import { monthlyStatistics, readModelProjections } from '@l10k/read-model';
import { waitForVisibleLog, writeSimulation } from '../../../../libs/read-model/test';
import {
  budgetedRecorder,
  readModelSnapshot,
  readModelTables,
  startProjectorFixture,
  type ProjectorFixture,
} from '../../test/projector-fixture';
import { ProjectionRunner } from '../runner/projection-runner';
import { rebuildProjections } from './rebuild-projections';
import { createShadowTables } from './shadow-tables';

// Every event runs through every projection, twice (live and rebuilt): minutes on a loaded 2-core machine.
jest.setTimeout(240_000);

describe('a rebuild while the live runner runs', () => {
  let fixture: ProjectorFixture;

  beforeAll(async () => {
    fixture = await startProjectorFixture('projector_rebuild');
  });

  afterAll(() => fixture.close());

  const indexNames = () =>
    fixture.dataSource.query(
      'SELECT tablename, indexname FROM pg_indexes WHERE tablename = ANY($1) ORDER BY tablename, indexname',
      [readModelTables()],
    );

  /** The columns given a statistics target of their own (the summaries' documents: none). */
  const statisticsTargets = () =>
    fixture.dataSource.query(
      `SELECT c.relname AS table, a.attname AS column, a.attstattarget AS target
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relname = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped AND a.attstattarget >= 0
        ORDER BY 1, 2`,
      [readModelTables()],
    );

  it('ends with the same rows as the live run, and reads keep answering throughout', async () => {
    const recorder = budgetedRecorder(fixture);
    await writeSimulation(recorder, { seed: 4, from: 0, applications: 100, perAppend: 10 });
    const indexesBefore = await indexNames();
    const statisticsTargetsBefore = await statisticsTargets();

    const live = new ProjectionRunner({
      store: fixture.store,
      checkpoints: fixture.checkpoints,
      projections: readModelProjections,
      batchSize: 20,
      idlePollMs: 50,
    });
    live.start();
    await waitForVisibleLog(fixture.store, recorder.eventsWritten);
    await live.catchUp();
    const before = await readModelSnapshot(fixture.dataSource.manager);

    // Writes and reads go on while the rebuild replays and switches.
    let reading = true;
    const answers: number[] = [];
    const reads = (async () => {
      while (reading) {
        const [{ n }] = await fixture.dataSource.query(
          'SELECT count(*)::int AS n FROM application_summaries',
        );
        await monthlyStatistics(fixture.dataSource.manager, 2025);
        answers.push(n);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const writes = writeSimulation(recorder, { seed: 4, from: 100, applications: 60, perAppend: 2 });
    const report = await rebuildProjections({
      store: fixture.store,
      checkpoints: fixture.checkpoints,
      projections: readModelProjections,
      batchSize: 50,
    });
    await writes;
    await waitForVisibleLog(fixture.store, recorder.eventsWritten);
    await live.catchUp();
    reading = false;
    await reads;
    await live.stop();
    const after = await readModelSnapshot(fixture.dataSource.manager);

    expect(report.projections.map((projection) => projection.name)).toEqual(
      readModelProjections.map((projection) => projection.name),
    );
    // No read ever saw an empty or shrinking table: the old tables served until the switch.
    expect(answers.length).toBeGreaterThan(10);
    expect(Math.min(...answers)).toBe(before.application_summaries.length);
    expect(answers).toEqual([...answers].sort((a, b) => a - b));
    // The rebuilt tables are the migration's (index names, statistics targets); no shadow is left behind.
    expect(await indexNames()).toEqual(indexesBefore);
    expect(await statisticsTargets()).toEqual(statisticsTargetsBefore);
    expect(statisticsTargetsBefore).toEqual([
      { table: 'application_summaries', column: 'detail', target: 0 },
    ]);
    const leftovers = await fixture.dataSource.query(
      "SELECT tablename FROM pg_tables WHERE tablename LIKE '%rebuild%'",
    );
    expect(leftovers).toEqual([]);
    const checkpointNames = await fixture.dataSource.query(
      'SELECT name FROM projection_checkpoints ORDER BY name',
    );
    expect(checkpointNames.map((row: { name: string }) => row.name)).toEqual(
      readModelProjections.map((projection) => projection.name).sort(),
    );

    // The live run alone, replayed on a fresh runner from scratch, gives the same rows.
    await fixture.dataSource.query(`TRUNCATE ${readModelTables().join(', ')}`);
    await fixture.dataSource.query('DELETE FROM projection_checkpoints');
    await new ProjectionRunner({
      store: fixture.store,
      checkpoints: fixture.checkpoints,
      projections: readModelProjections,
      batchSize: 500,
    }).catchUp();
    expect(after).toEqual(await readModelSnapshot(fixture.dataSource.manager));
    expect(after.application_summaries.length).toBe(160);
  });

  it('of one projection replaces only that projection', async () => {
    const [summaries] = readModelProjections;
    const othersBefore = await fixture.dataSource.query(
      "SELECT name, updated_at FROM projection_checkpoints WHERE name <> 'application_summaries' ORDER BY name",
    );
    const rowsBefore = await readModelSnapshot(fixture.dataSource.manager);
    const report = await rebuildProjections({
      store: fixture.store,
      checkpoints: fixture.checkpoints,
      projections: [summaries],
    });
    expect(report.projections.map((projection) => projection.name)).toEqual(['application_summaries']);
    expect(
      await fixture.dataSource.query(
        "SELECT name, updated_at FROM projection_checkpoints WHERE name <> 'application_summaries' ORDER BY name",
      ),
    ).toEqual(othersBefore);
    expect(await readModelSnapshot(fixture.dataSource.manager)).toEqual(rowsBefore);
  });

  it('fills its tables with autovacuum off, then switches them in as the migrations leave them, analysed', async () => {
    const budgets = readModelProjections.find((projection) => projection.name === 'fiscal_year_budgets')!;
    const tableState = (table: string) =>
      fixture.dataSource.query(
        `SELECT c.reloptions, s.last_analyze IS NOT NULL AS analysed
           FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = $1`,
        [table],
      );
    await createShadowTables(fixture.checkpoints, budgets);
    expect(await tableState('fiscal_year_budgets__rebuild')).toEqual([
      { reloptions: ['autovacuum_enabled=off'], analysed: false },
    ]);
    await rebuildProjections({
      store: fixture.store,
      checkpoints: fixture.checkpoints,
      projections: [budgets],
    });
    expect(await tableState('fiscal_year_budgets')).toEqual([{ reloptions: null, analysed: true }]);
  });
});
