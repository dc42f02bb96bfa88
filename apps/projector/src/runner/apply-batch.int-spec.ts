import type { ProjectedEvent } from '@l10k/eventstore';
import { applicationSummariesProjection } from '@l10k/read-model';
import {
  tableRows,
  waitForVisibleLog,
  writeSimulation,
  WorkflowRecorder,
} from '../../../../libs/read-model/test';
import { connectProjector, startProjectorFixture, type ProjectorFixture } from '../../test/projector-fixture';
import { applyBatch } from './apply-batch';
import { liveBinding } from './projection-binding';

jest.setTimeout(60_000);

const binding = liveBinding(applicationSummariesProjection);
const { checkpointName } = binding;

describe('a batch of the summaries applied with the one after it announced', () => {
  let fixture: ProjectorFixture;
  let batches: ProjectedEvent[][];
  let expected: Record<string, unknown[]>;
  const processes: ProjectorFixture[] = [];
  /** A projector process of its own: the folds a process keeps in memory are not another's. */
  const process = async (): Promise<ProjectorFixture> => {
    const connected = await connectProjector(fixture.url);
    processes.push(connected);
    return connected;
  };

  const snapshot = async (): Promise<Record<string, unknown[]>> =>
    Object.fromEntries(
      await Promise.all(
        applicationSummariesProjection.tables.map(async (table) => [
          table,
          await tableRows(fixture.dataSource.manager, table),
        ]),
      ),
    );

  const truncate = `TRUNCATE ${applicationSummariesProjection.tables.join(', ')}`;
  /** The projection back at the start of the log, with empty tables. */
  const restart = () =>
    fixture.checkpoints.restart(checkpointName, async (manager) => {
      await manager.query(truncate);
    });
  const from = (index: number): string | null => (index === 0 ? null : batches[index - 1].at(-1)!.checkpoint);
  const apply = (by: ProjectorFixture, index: number, announcing: boolean) =>
    applyBatch(
      by.checkpoints,
      binding,
      from(index),
      batches[index],
      by.store,
      announcing ? batches[index + 1] : undefined,
    );

  beforeAll(async () => {
    fixture = await startProjectorFixture('apply_batch');
    const recorder = new WorkflowRecorder(fixture.store);
    recorder.setBudget(2025, 50_000_000_000, '2025-04-01T09:00:00+09:00');
    // Many applications per append: their events interleave in the log, so batches split them.
    await writeSimulation(recorder, { seed: 11, from: 0, applications: 30, perAppend: 10 });
    await waitForVisibleLog(fixture.store, recorder.eventsWritten);
    batches = [];
    for await (const batch of fixture.store.readAllProjected({ batchSize: 23 })) batches.push(batch);
    // What the batches make applied one by one, none announced: each in a transaction of its own.
    await restart();
    const plain = await process();
    for (const index of batches.keys()) expect(await apply(plain, index, false)).toBe(true);
    expected = await snapshot();
  });

  afterAll(async () => {
    await Promise.all(processes.map((connected) => connected.close()));
    await fixture.close();
  });

  beforeEach(restart);

  it('is written with its checkpoint in one statement: only the first batch takes a transaction, to the same rows', async () => {
    const announcing = await process();
    const transactions = jest.spyOn(announcing.dataSource, 'transaction');
    try {
      for (const index of batches.keys()) expect(await apply(announcing, index, true)).toBe(true);
      expect(transactions).toHaveBeenCalledTimes(1);
    } finally {
      transactions.mockRestore();
    }
    expect(await snapshot()).toEqual(expected);
    expect(await fixture.checkpoints.position(checkpointName)).toEqual({
      checkpoint: batches.at(-1)!.at(-1)!.checkpoint,
      eventsProcessed: batches.flat().length,
    });
  });

  it('is folded again in its transaction when its rows moved after it was prepared, as a batch not announced is', async () => {
    // The first batch after which the next one goes on with an application written before.
    const isApplication = (event: ProjectedEvent) => event.streamId.startsWith('application-');
    const taken = batches.findIndex((_, index) =>
      batches[index + 1]?.some(
        (event) =>
          isApplication(event) &&
          batches
            .slice(0, index + 1)
            .some((batch) => batch.some(({ streamId }) => streamId === event.streamId)),
      ),
    );
    expect(taken).toBeGreaterThanOrEqual(0);
    /** The batches, another process taking the rows back to nothing after batch `taken` (the checkpoint stays). */
    const rowsTakenAway = async (by: ProjectorFixture, announcing: boolean) => {
      await restart();
      for (const index of batches.keys()) {
        expect(await apply(by, index, announcing)).toBe(true);
        if (index === taken) await fixture.dataSource.query(truncate);
      }
      return snapshot();
    };
    const alone = await rowsTakenAway(await process(), false);
    expect(alone.application_summaries.length).toBeLessThan(expected.application_summaries.length);
    const announcing = await process();
    const transactions = jest.spyOn(announcing.dataSource, 'transaction');
    let announced: Record<string, unknown[]>;
    try {
      announced = await rowsTakenAway(announcing, true);
      // The first batch's, then the one after the rows went (its prepared write refused): the rest one statement each.
      expect(transactions).toHaveBeenCalledTimes(2);
    } finally {
      transactions.mockRestore();
    }
    expect(announced).toEqual(alone);
  });

  it('writes nothing when another runner moved the checkpoint after it was prepared', async () => {
    const announcing = await process();
    expect(await apply(announcing, 0, true)).toBe(true);
    const afterFirst = await snapshot();
    // Another runner takes the second batch (its move alone stands for its work here).
    expect(
      await fixture.checkpoints.advance(checkpointName, from(1), {
        checkpoint: batches[1].at(-1)!.checkpoint,
        events: batches[1].length,
      }),
    ).toBe(true);
    expect(await apply(announcing, 1, true)).toBe(false);
    expect(await snapshot()).toEqual(afterFirst);
  });
});
