import type { EventStore, ProjectedEvent } from '@l10k/eventstore';
import { readModelProjections } from '@l10k/read-model';
import { waitForVisibleLog, writeSimulation, type WorkflowRecorder } from '../../../../libs/read-model/test';
import {
  eventually,
  budgetedRecorder,
  liveAndRebuilt,
  startProjectorFixture,
  type ProjectorFixture,
} from '../../test/projector-fixture';
import { ProjectionRunner } from './projection-runner';

jest.setTimeout(120_000);

/** The store, counting the events its readers are handed by readAllProjected and by subscribe. */
function countingStore(store: EventStore): EventStore & { read: number; subscribed: number } {
  const counted = Object.create(store) as EventStore & { read: number; subscribed: number };
  counted.read = 0;
  counted.subscribed = 0;
  counted.readAllProjected = async function* (options) {
    for await (const batch of store.readAllProjected(options)) {
      counted.read += batch.length;
      yield batch;
    }
  };
  counted.subscribe = async function* (options) {
    for await (const event of store.subscribe(options)) {
      counted.subscribed += 1;
      yield event;
    }
  };
  return counted;
}

/** The store, with a watch that yields at its start only, as if no notification ever came. */
function silentStore(store: EventStore): EventStore {
  const silent = Object.create(store) as EventStore;
  silent.watch = async function* (options) {
    yield;
    await new Promise<void>((resolve) => {
      if (options?.signal?.aborted) resolve();
      options?.signal?.addEventListener('abort', () => resolve(), { once: true });
    });
  };
  return silent;
}

describe('the live projector', () => {
  let fixture: ProjectorFixture;
  let recorder: WorkflowRecorder;

  beforeAll(async () => {
    fixture = await startProjectorFixture('projector_live_reads');
    recorder = budgetedRecorder(fixture);
  });

  afterAll(() => fixture.close());

  it('reads each event written while it runs from the store once, and the read models equal a rebuild', async () => {
    await writeSimulation(recorder, { seed: 21, from: 0, applications: 10, perAppend: 5 });
    const store = countingStore(fixture.store);
    const committed = new Map<string, number>();
    const runner = new ProjectionRunner({
      store,
      checkpoints: fixture.checkpoints,
      projections: readModelProjections,
      onBatch: (name, events: readonly ProjectedEvent[]) =>
        committed.set(name, (committed.get(name) ?? 0) + events.length),
    });
    const everyProjectionAt = (events: number) => () =>
      readModelProjections.every((projection) => committed.get(projection.name) === events);
    runner.start();
    try {
      await eventually(everyProjectionAt(recorder.eventsWritten), 'the projector caught up');
      const before = { read: store.read, written: recorder.eventsWritten };
      // Written one application at a time, so the live loop wakes for many small batches.
      await writeSimulation(recorder, { seed: 21, from: 10, applications: 30, perAppend: 1 });
      await eventually(everyProjectionAt(recorder.eventsWritten), 'the projector folded the live writes');
      expect(store.read - before.read).toBe(recorder.eventsWritten - before.written);
      expect(store.subscribed).toBe(0);
    } finally {
      await runner.stop();
    }
    const { live, rebuilt } = await liveAndRebuilt(fixture);
    expect(live).toEqual(rebuilt);
  });

  it('looks again soon after a pass that folded something, without a wake-up, while writes keep coming', async () => {
    const committed = new Map<string, number>();
    const runner = new ProjectionRunner({
      store: silentStore(fixture.store),
      checkpoints: fixture.checkpoints,
      projections: readModelProjections,
      // Far longer than the test may take: only the looks after a pass can find the writes.
      idlePollMs: 600_000,
      onBatch: (name, events: readonly ProjectedEvent[]) =>
        committed.set(name, (committed.get(name) ?? 0) + events.length),
    });
    // The first test left every checkpoint at the end of the log: this runner folds only what follows.
    const before = recorder.eventsWritten;
    const folded = (events: number) => () =>
      readModelProjections.every((projection) => (committed.get(projection.name) ?? 0) >= events - before);
    await writeSimulation(recorder, { seed: 22, from: 100, applications: 2, perAppend: 1 });
    // Readable before the first pass: a transaction open anywhere in the cluster (another suite's
    // database) holds the visible frontier back, and with this idle poll a first pass that found
    // nothing would not look again for ten minutes.
    await waitForVisibleLog(fixture.store, recorder.eventsWritten, 60_000);
    runner.start();
    try {
      await eventually(folded(recorder.eventsWritten), 'the projector caught up');
      // The looks come at doubling intervals after the last pass that moved: each write is found
      // within about twice the time since then, minutes before the idle poll.
      for (let round = 0; round < 3; round += 1) {
        await writeSimulation(recorder, { seed: 22, from: 110 + round, applications: 1, perAppend: 1 });
        await waitForVisibleLog(fixture.store, recorder.eventsWritten, 60_000);
        await eventually(folded(recorder.eventsWritten), `write ${round} was folded`, 30_000);
      }
    } finally {
      await runner.stop();
    }
  });
});
