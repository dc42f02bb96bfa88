import type { CheckpointStore } from '@l10k/read-model';
import { domainEventTypes, type EventRouting, type Projection } from '@l10k/read-model';
import { waitForVisibleLog, writeSimulation, type WorkflowRecorder } from '../../../../libs/read-model/test';
import {
  eventually,
  budgetedRecorder,
  startProjectorFixture,
  type ProjectorFixture,
} from '../../test/projector-fixture';
import { ProjectionRunner } from './projection-runner';

jest.setTimeout(120_000);

const routing = (decision: 'handle' | 'ignore') =>
  Object.fromEntries(domainEventTypes.map((type) => [type, decision])) as EventRouting;

/** A projection that writes nothing; `events` decides whether it handles every event or none. */
function projection(name: string, events: EventRouting): Projection & { batches: number } {
  const counted = {
    name,
    tables: [],
    events,
    batches: 0,
    async project(): Promise<void> {
      counted.batches += 1;
    },
  };
  return counted;
}

/** The checkpoints, counting each projection's moves. */
function countingCheckpoints(checkpoints: CheckpointStore): CheckpointStore & { moves: Map<string, number> } {
  const counted = Object.create(checkpoints) as CheckpointStore & { moves: Map<string, number> };
  counted.moves = new Map();
  counted.advance = (name, from, to, work) => {
    counted.moves.set(name, (counted.moves.get(name) ?? 0) + 1);
    return checkpoints.advance(name, from, to, work);
  };
  counted.advanceTogether = (moves) => {
    for (const { name } of moves) counted.moves.set(name, (counted.moves.get(name) ?? 0) + 1);
    return checkpoints.advanceTogether(moves);
  };
  return counted;
}

describe('a live projection with nothing to do in a batch', () => {
  let fixture: ProjectorFixture;
  let recorder: WorkflowRecorder;

  beforeAll(async () => {
    fixture = await startProjectorFixture('projector_deferred_moves');
    recorder = budgetedRecorder(fixture);
  });

  afterAll(() => fixture.close());

  /** Runs `busy` and `idle` live until `during` is done, then stops them; the idle one's moves are counted. */
  async function run(
    deferredMoveMs: number,
    projections: [Projection, Projection],
    during: () => Promise<void>,
  ): Promise<Map<string, number>> {
    const checkpoints = countingCheckpoints(fixture.checkpoints);
    const runner = new ProjectionRunner({
      store: fixture.store,
      checkpoints,
      projections,
      idlePollMs: 50,
      deferredMoveMs,
    });
    runner.start();
    try {
      await during();
    } finally {
      await runner.stop();
    }
    return checkpoints.moves;
  }

  const stored = async (name: string) => (await fixture.checkpoints.position(name)).checkpoint;

  it('moves its checkpoint once for many batches, and is at the end of the log once stopped', async () => {
    await writeSimulation(recorder, { seed: 31, from: 0, applications: 2, perAppend: 1 });
    const busy = projection('deferred_busy', routing('handle'));
    const idle = projection('deferred_idle', routing('ignore'));
    let movedWhileRunning: string | null = 'unset';
    let busyBatches = 0;
    const moves = await run(600_000, [busy, idle], async () => {
      await eventually(async () => (await stored(busy.name)) !== null, 'the busy projection caught up');
      // Then written one application at a time, with pauses: more live batches.
      for (let round = 0; round < 6; round += 1) {
        await writeSimulation(recorder, { seed: 31, from: 10 + round, applications: 1, perAppend: 1 });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const end = await lastCheckpoint(fixture, recorder.eventsWritten);
      await eventually(async () => (await stored(busy.name)) === end, 'the busy projection reached the end');
      busyBatches = busy.batches;
      movedWhileRunning = await stored(idle.name);
    });
    expect(busyBatches).toBeGreaterThanOrEqual(2);
    // Nothing handled, far within its deferral: its checkpoint stayed where it was stored...
    expect(movedWhileRunning).toBeNull();
    // ...and stopping made the one move it owed, to where the busy one stands.
    expect(moves.get(idle.name)).toBe(1);
    expect(await stored(idle.name)).toBe(await stored(busy.name));
    const [position] = await fixture.checkpoints.positions([idle.name]);
    expect(position.eventsProcessed).toBe(recorder.eventsWritten);
  });

  it('makes a deferred move once it has waited its time, while running', async () => {
    const busy = projection('waited_busy', routing('handle'));
    const idle = projection('waited_idle', routing('ignore'));
    await run(100, [busy, idle], async () => {
      await writeSimulation(recorder, { seed: 32, from: 40, applications: 1, perAppend: 1 });
      const end = await lastCheckpoint(fixture, recorder.eventsWritten);
      await eventually(async () => (await stored(idle.name)) === end, 'the idle projection moved to the end');
    });
    expect(idle.batches).toBe(0);
  });
});

async function lastCheckpoint(fixture: ProjectorFixture, written: number): Promise<string | null> {
  await waitForVisibleLog(fixture.store, written);
  let last: string | null = null;
  for (;;) {
    let seen = 0;
    for await (const batch of fixture.store.readAll({ from: last ?? undefined, batchSize: 5_000 })) {
      seen += batch.length;
      last = batch[batch.length - 1].checkpoint;
    }
    if (seen === 0) return last;
  }
}
