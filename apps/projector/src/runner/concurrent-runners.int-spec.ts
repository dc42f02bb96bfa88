import { monthlyStatistics, readModelProjections } from '@l10k/read-model';
import { waitForVisibleLog, writeSimulation } from '../../../../libs/read-model/test';
import {
  budgetedRecorder,
  connectProjector,
  liveAndRebuilt,
  startProjectorFixture,
  type ProjectorFixture,
} from '../../test/projector-fixture';
import { ProjectionRunner } from './projection-runner';

// Two runners race over every projection, then a rebuild replays it all: minutes on a loaded 2-core machine.
jest.setTimeout(240_000);

describe('two runners on the same projections at once', () => {
  let fixture: ProjectorFixture;

  beforeAll(async () => {
    fixture = await startProjectorFixture('projector_concurrent');
  });

  afterAll(() => fixture.close());

  it('never apply an event twice: statistics, budgets and every other row are exact', async () => {
    const recorder = budgetedRecorder(fixture);
    const committed = [0, 0];
    // Each runner has connections of its own, as two projector processes would: in one pool,
    // one notification listener, the runner started first would always be served first.
    const connections = [fixture, await connectProjector(fixture.url)];
    const runner = (which: number) =>
      new ProjectionRunner({
        store: connections[which].store,
        checkpoints: connections[which].checkpoints,
        projections: readModelProjections,
        batchSize: 11,
        idlePollMs: 50,
        onBatch: (_name, events) => (committed[which] += events.length),
      });
    const first = runner(0);
    const second = runner(1);
    first.start();
    second.start();
    // Which runner wins each batch is up to the scheduler: more of the workflow is written,
    // while both run, until each has committed something (once is usual, a few rounds at most).
    const ended = [];
    for (let round = 0; round < 5 && (round === 0 || Math.min(...committed) === 0); round++) {
      ended.push(
        ...(await writeSimulation(recorder, {
          seed: 3 + round,
          from: round * 120,
          applications: 120,
          perAppend: 4,
        })),
      );
      await waitForVisibleLog(fixture.store, recorder.eventsWritten);
      // Both loops race over the same checkpoints until the log ends.
      await Promise.all([first.catchUp(), second.catchUp()]);
    }
    await Promise.all([first.stop(), second.stop()]);
    await connections[1].close();

    const lag = await first.lag({ countBehind: true });
    let total = 0;
    for await (const batch of fixture.store.readAll()) total += batch.length;
    expect(lag.map((projection) => [projection.eventsProcessed, projection.behindEvents])).toEqual(
      readModelProjections.map(() => [total, 0]),
    );
    // Both did work, and together they committed each event exactly once per projection.
    expect(Math.min(...committed)).toBeGreaterThan(0);
    expect(committed[0] + committed[1]).toBe(total * readModelProjections.length);

    const adopted = ended.filter((application) => application.end === 'adopted').length;
    const statistics = await monthlyStatistics(fixture.dataSource.manager, 2025);
    expect(statistics.reduce((sum, round) => sum + round.adopted, 0)).toBe(adopted);
    const [budget] = await fixture.dataSource.query(
      'SELECT committed::bigint AS committed, adopted_applications FROM fiscal_year_budgets',
    );
    expect(budget.adopted_applications).toBe(adopted);
    expect(Number(budget.committed)).toBe(statistics.reduce((sum, round) => sum + round.nationalShare, 0));

    const { live, rebuilt } = await liveAndRebuilt(fixture);
    expect(live).toEqual(rebuilt);
  });
});
