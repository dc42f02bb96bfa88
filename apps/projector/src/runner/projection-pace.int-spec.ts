import { domainEventTypes, type EventRouting, type Projection } from '@l10k/read-model';
import { waitForVisibleLog, writeSimulation } from '../../../../libs/read-model/test';
import { budgetedRecorder, startProjectorFixture, type ProjectorFixture } from '../../test/projector-fixture';
import { ProjectionRunner } from './projection-runner';

const everyEvent = Object.fromEntries(domainEventTypes.map((type) => [type, 'handle'])) as EventRouting;

/** A projection that writes nothing and records the batches it was offered; `gate` holds its first one. */
function recordingProjection(name: string, gate?: Promise<void>): Projection & { batches: number } {
  const projection = {
    name,
    tables: [],
    events: everyEvent,
    batches: 0,
    async project(): Promise<void> {
      if (projection.batches === 0 && gate !== undefined) await gate;
      projection.batches += 1;
    },
  };
  return projection;
}

describe('projections reading the same batches', () => {
  let fixture: ProjectorFixture;
  let events: number;

  beforeAll(async () => {
    fixture = await startProjectorFixture('projection_pace');
    const recorder = budgetedRecorder(fixture);
    await writeSimulation(recorder, { seed: 9, from: 0, applications: 6, perAppend: 2 });
    await waitForVisibleLog(fixture.store, recorder.eventsWritten);
    events = recorder.eventsWritten;
  });

  afterAll(() => fixture.close());

  it('each go at their own pace, a quick one at most four batches past a slow one, and both reach the end', async () => {
    let release = (): void => undefined;
    const slow = recordingProjection('pace_slow', new Promise<void>((resolve) => (release = resolve)));
    const quick = recordingProjection('pace_quick');
    const committed = new Map<string, number>();
    const runner = new ProjectionRunner({
      store: fixture.store,
      checkpoints: fixture.checkpoints,
      projections: [slow, quick],
      batchSize: 5,
      onBatch: (name, batch) => committed.set(name, (committed.get(name) ?? 0) + batch.length),
    });
    expect(events).toBeGreaterThan(6 * 5);
    const caughtUp = runner.catchUp();
    const deadline = Date.now() + 30_000;
    while (quick.batches < 5 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    // The slow one is still in its first batch; the quick one applied it and the four after it, then waits.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slow.batches).toBe(0);
    expect(quick.batches).toBe(5);
    release();
    await caughtUp;
    expect(committed.get('pace_slow')).toBe(events);
    expect(committed.get('pace_quick')).toBe(events);
    expect(slow.batches).toBe(quick.batches);
  });
});
