import { domainEventTypes, type EventRouting, type Projection } from '@l10k/read-model';
import { waitForVisibleLog, WorkflowRecorder } from '../../../../libs/read-model/test';
import { startProjectorFixture, type ProjectorFixture } from '../../test/projector-fixture';
import { ProjectionRunner } from './projection-runner';

const everyEvent = Object.fromEntries(domainEventTypes.map((type) => [type, 'handle'])) as EventRouting;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the live projector under a stream of writes', () => {
  const GATHER_MS = 1_000;
  let fixture: ProjectorFixture;
  let recorder: WorkflowRecorder;
  let runner: ProjectionRunner;
  const batches: { at: number; events: number }[] = [];
  let folded = 0;
  let fiscalYear = 2030;

  /** One more event in the log (a budget set for a year not seen before). */
  const write = async (): Promise<void> => {
    recorder.setBudget(fiscalYear++, 1_000_000_000, '2025-04-01T09:00:00+09:00');
    await recorder.flush();
  };

  beforeAll(async () => {
    fixture = await startProjectorFixture('live_gathering');
    recorder = new WorkflowRecorder(fixture.store);
    const projection: Projection = {
      name: 'gathering',
      tables: [],
      events: everyEvent,
      project: async () => undefined,
    };
    runner = new ProjectionRunner({
      store: fixture.store,
      checkpoints: fixture.checkpoints,
      projections: [projection],
      gatherMs: GATHER_MS,
      onBatch: (_name, events) => {
        batches.push({ at: Date.now(), events: events.length });
        folded += events.length;
      },
    });
    runner.start();
  });

  afterAll(async () => {
    await runner.stop();
    await fixture.close();
  });

  const foldedBy = async (count: number, within: number): Promise<void> => {
    const deadline = Date.now() + within;
    while (folded < count && Date.now() < deadline) await pause(10);
    expect(folded).toBe(count);
  };

  it('folds what arrived meanwhile as one batch, a pass at most every gatherMs', async () => {
    const started = Date.now();
    for (let written = 0; written < 40; written++) {
      await write();
      await pause(50);
    }
    const streamed = Date.now() - started;
    await waitForVisibleLog(fixture.store, recorder.eventsWritten);
    await foldedBy(recorder.eventsWritten, 10_000);
    // One pass per gathering interval, plus the first at once and the one that finds the tail.
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(streamed / GATHER_MS) + 2);
    expect(Math.max(...batches.map((batch) => batch.events))).toBeGreaterThan(5);
  });

  it('folds an event after a quiet spell at once, without waiting for the interval', async () => {
    await pause(GATHER_MS + 200);
    const before = folded;
    const written = Date.now();
    await write();
    await foldedBy(before + 1, 5_000);
    expect((batches.at(-1)?.at ?? Infinity) - written).toBeLessThan(GATHER_MS / 2);
  });
});
