import type { RecordedEvent } from '@l10k/eventstore';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  domainEventTypes,
  PostgresCheckpointStore,
  projectBatch,
  readModelEntities,
  readModelProjections,
  type EventRouting,
  type Projection,
} from '@l10k/read-model';
import { waitForVisibleLog, writeSimulation, type WorkflowRecorder } from '../../../../libs/read-model/test';
import {
  budgetedRecorder,
  liveAndRebuilt,
  startProjectorFixture,
  type ProjectorFixture,
} from '../../test/projector-fixture';
import { ProjectionRunner } from './projection-runner';

// Every event runs through every projection, twice (live and rebuilt): minutes on a loaded 2-core machine.
jest.setTimeout(240_000);

/**
 * The projection, except that it throws at the `failAt`-th event of the log it is offered
 * (a crash in the middle of a batch, after the events before it were written): it takes
 * every event type, and passes on to the real projection what that one handles.
 */
function failingAt(projection: Projection, failAt: number): Projection {
  let offered = 0;
  return {
    ...projection,
    events: Object.fromEntries(domainEventTypes.map((type) => [type, 'handle'])) as EventRouting,
    project: async (manager, events: readonly RecordedEvent[], tables, streams) => {
      const before = failAt - offered - 1;
      offered += events.length;
      if (before < 0 || before >= events.length)
        return projectBatch(manager, projection, events, tables, streams);
      await projectBatch(manager, projection, events.slice(0, before), tables, streams);
      throw new Error(`injected crash in ${projection.name} at event ${failAt}`);
    },
  };
}

describe('after a crash at any point', () => {
  let fixture: ProjectorFixture;
  let recorder: WorkflowRecorder;

  beforeAll(async () => {
    fixture = await startProjectorFixture('projector_crash');
    recorder = budgetedRecorder(fixture);
    await writeSimulation(recorder, { seed: 1, from: 0, applications: 40, perAppend: 5 });
    await waitForVisibleLog(fixture.store, recorder.eventsWritten);
  });

  afterAll(() => fixture.close());

  it('every read model equals a from-scratch rebuild, row for row, after handlers fail mid-batch while events are written', async () => {
    // Events keep arriving while the projector crashes and restarts.
    const writing = writeSimulation(recorder, { seed: 1, from: 40, applications: 120, perAppend: 3 });
    const crashes: string[] = [];
    let needed = 0;
    for (const failAt of [1, 9, 64, 257, 500]) {
      // Enough of the log must be readable for the crash to come (a crash advances the checkpoint by less than failAt).
      needed += failAt;
      await waitForVisibleLog(fixture.store, needed);
      const crashing = new ProjectionRunner({
        store: fixture.store,
        checkpoints: fixture.checkpoints,
        projections: readModelProjections.map((projection) => failingAt(projection, failAt)),
        batchSize: 37,
      });
      await crashing.catchUp().catch((error: Error) => crashes.push(error.message));
    }
    await writing;
    await waitForVisibleLog(fixture.store, recorder.eventsWritten);
    expect(crashes).toHaveLength(5);
    expect(crashes.every((message) => message.startsWith('injected crash'))).toBe(true);

    await new ProjectionRunner({
      store: fixture.store,
      checkpoints: fixture.checkpoints,
      projections: readModelProjections,
      batchSize: 37,
    }).catchUp();
    const { live: recovered, rebuilt } = await liveAndRebuilt(fixture, 250);
    expect(recovered.application_summaries.length).toBeGreaterThan(150);
    expect(recovered.round_statistics.length).toBeGreaterThan(100);
    expect(recovered).toEqual(rebuilt);
  });

  it('every read model equals a from-scratch rebuild after the live projector loses its database connections mid-transaction', async () => {
    const applicationName = 'projector_under_crash_test';
    const dataSource = new DataSource({
      type: 'postgres',
      url: fixture.url,
      entities: readModelEntities,
      applicationName,
    });
    await dataSource.initialize();
    // A client the server terminates while it sits checked out between two statements emits 'error'
    // with no listener left on it: an uncaught exception in this process. The runner learns of the
    // lost connection from its next query anyway, which is what this spec is about.
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    pool.on('connect', (client) => client.on('error', () => undefined));
    const runner = new ProjectionRunner({
      store: fixture.store,
      checkpoints: new PostgresCheckpointStore(dataSource),
      projections: readModelProjections,
      batchSize: 5,
      idlePollMs: 50,
    });
    runner.start();
    try {
      let written = false;
      const writing = writeSimulation(recorder, { seed: 2, from: 0, applications: 80, perAppend: 2 }).finally(
        () => (written = true),
      );
      let kills = 0;
      // Six rounds at least; more while nothing was caught mid-transaction yet (suites running beside
      // this one hold the store's visible frontier back, and the runner waits for it) and events still come.
      for (let round = 0; round < 6 || (kills === 0 && !written && round < 100); round += 1) {
        await new Promise((resolve) => setTimeout(resolve, 120));
        const killed = await fixture.dataSource.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND state <> 'idle'",
          [applicationName],
        );
        kills += killed.length;
      }
      await writing;
      await waitForVisibleLog(fixture.store, recorder.eventsWritten);
      expect(kills).toBeGreaterThan(0);
      await waitUntilCaughtUp(runner);
    } finally {
      await runner.stop();
      await dataSource.destroy();
    }
    const { live: recovered, rebuilt } = await liveAndRebuilt(fixture, 250);
    expect(recovered).toEqual(rebuilt);
  });
});

async function waitUntilCaughtUp(runner: ProjectionRunner): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const lag = await runner.lag();
    if (lag.every((projection) => projection.lagMs === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the live runner did not catch up');
}
