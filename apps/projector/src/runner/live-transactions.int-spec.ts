import type { EntityManager } from 'typeorm';
import { domainEventTypes, type EventRouting, type Projection } from '@l10k/read-model';
import { writeSimulation, type WorkflowRecorder } from '../../../../libs/read-model/test';
import {
  eventually,
  budgetedRecorder,
  startProjectorFixture,
  type ProjectorFixture,
} from '../../test/projector-fixture';
import { ProjectionRunner } from './projection-runner';

jest.setTimeout(120_000);

const everyEvent = Object.fromEntries(domainEventTypes.map((type) => [type, 'handle'])) as EventRouting;

/** A projection that writes nothing; records the transaction of each batch it folds, and can be made to fail. */
function recordingProjection(name: string): Projection & { transactions: string[]; failing: boolean } {
  const projection = {
    name,
    tables: [],
    events: everyEvent,
    transactions: [] as string[],
    failing: false,
    async project(manager: EntityManager): Promise<void> {
      if (projection.failing) throw new Error(`${name} fails`);
      const [{ id }] = await manager.query('SELECT txid_current()::text AS id');
      projection.transactions.push(id);
    },
  };
  return projection;
}

describe('the live projector’s transactions', () => {
  let fixture: ProjectorFixture;
  let recorder: WorkflowRecorder;

  beforeAll(async () => {
    fixture = await startProjectorFixture('projector_live_transactions');
    recorder = budgetedRecorder(fixture);
  });

  afterAll(() => fixture.close());

  const processed = async (name: string) => (await fixture.checkpoints.positions([name]))[0].eventsProcessed;

  const startLive = (projections: Projection[]): ProjectionRunner => {
    const runner = new ProjectionRunner({
      store: fixture.store,
      checkpoints: fixture.checkpoints,
      projections,
      idlePollMs: 50,
    });
    runner.start();
    return runner;
  };

  /** Writes one application at a time, with pauses between: several live batches. */
  async function writeWhileRunning(seed: number): Promise<void> {
    for (let round = 0; round < 5; round += 1) {
      await writeSimulation(recorder, { seed, from: round, applications: 1, perAppend: 1 });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('folds a batch for every projection in one transaction with all their checkpoint moves', async () => {
    const first = recordingProjection('together_first');
    const second = recordingProjection('together_second');
    const runner = startLive([first, second]);
    try {
      await writeWhileRunning(41);
      await eventually(
        async () =>
          (await processed(first.name)) === recorder.eventsWritten &&
          (await processed(second.name)) === recorder.eventsWritten,
        'both projections reached the end',
      );
    } finally {
      await runner.stop();
    }
    expect(first.transactions.length).toBeGreaterThanOrEqual(2);
    // The same batches, each folded by both in the same transaction.
    expect(second.transactions).toEqual(first.transactions);
  });

  it('lets the others go on when one projection fails, and that one catches up once it recovers', async () => {
    const healthy = recordingProjection('isolated_healthy');
    const failing = recordingProjection('isolated_failing');
    failing.failing = true;
    const runner = startLive([healthy, failing]);
    try {
      await writeWhileRunning(42);
      await eventually(
        async () => (await processed(healthy.name)) === recorder.eventsWritten,
        'the healthy projection reached the end',
      );
      expect(await processed(failing.name)).toBe(0);
      failing.failing = false;
      await eventually(
        async () => (await processed(failing.name)) === recorder.eventsWritten,
        'the recovered projection reached the end',
      );
    } finally {
      await runner.stop();
    }
    expect(healthy.transactions.length).toBeGreaterThanOrEqual(1);
  });
});
