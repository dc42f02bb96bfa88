import { DataSource } from 'typeorm';
import { PostgresEventStore, type ReadStreamOptions, type RecordedEvent } from '@l10k/eventstore';
import {
  applicationSummariesProjection,
  liveTables,
  projectBatch,
  readModelEntities,
  type StreamReader,
} from '@l10k/read-model';
import { createTestDatabase } from '../../../../test/test-database';
import { tableRows, waitForVisibleLog, WorkflowRecorder, writeSimulation } from '../../test';
import * as rowStatements from '../tables/row-statements';

describe('a batch folded from the rows of its applications', () => {
  let url: string;
  let store: PostgresEventStore;
  let events: RecordedEvent[];
  const dataSources: DataSource[] = [];
  const tables = liveTables(applicationSummariesProjection);

  /** The store, counting the streams read through it and the revision each read stopped at. */
  const counting = (): StreamReader & { reads: Array<[string, bigint | number | undefined]> } => {
    const reads: Array<[string, bigint | number | undefined]> = [];
    return {
      reads,
      readStream: (streamId: string, options?: ReadStreamOptions) => {
        reads.push([streamId, options?.toRevision]);
        return store.readStream(streamId, options);
      },
    };
  };

  /** A connection of its own: as another process, it keeps its own folds. */
  const connect = async (): Promise<DataSource> => {
    const dataSource = new DataSource({ type: 'postgres', url, entities: readModelEntities });
    await dataSource.initialize();
    dataSources.push(dataSource);
    return dataSource;
  };

  const deliver = (dataSource: DataSource, batch: readonly RecordedEvent[], streams: StreamReader) =>
    dataSource.transaction((manager) =>
      projectBatch(manager, applicationSummariesProjection, batch, tables, streams),
    );

  const snapshot = async (dataSource: DataSource): Promise<Record<string, unknown[]>> =>
    Object.fromEntries(
      await Promise.all(
        applicationSummariesProjection.tables.map(async (table) => [
          table,
          await tableRows(dataSource.manager, table),
        ]),
      ),
    );

  const empty = (dataSource: DataSource) =>
    dataSource.query(`TRUNCATE ${applicationSummariesProjection.tables.join(', ')}`);

  beforeAll(async () => {
    url = await createTestDatabase('folded_from_the_log');
    store = await PostgresEventStore.connect({ connectionString: url });
    const recorder = new WorkflowRecorder(store);
    recorder.setBudget(2025, 50_000_000_000, '2025-04-01T09:00:00+09:00');
    // Many applications per append: their events interleave in the log, so batches split them.
    await writeSimulation(recorder, { seed: 7, from: 0, applications: 30, perAppend: 10 });
    await waitForVisibleLog(store, recorder.eventsWritten);
    events = [];
    for await (const batch of store.readAll()) events.push(...batch);
  });

  afterAll(async () => {
    await Promise.all(dataSources.map((dataSource) => dataSource.destroy()));
    await store.close();
  });

  const batchesOf = (size: number): RecordedEvent[][] =>
    Array.from({ length: Math.ceil(events.length / size) }, (_, index) =>
      events.slice(index * size, (index + 1) * size),
    );

  // Two projector processes (or one restarted) do not share the folds they keep in memory.
  describe('an application whose fold this process does not hold', () => {
    it('is folded again from its stream up to the revision its row reflects, to the same rows as one process makes', async () => {
      const one = await connect();
      const alone = counting();
      for (const batch of batchesOf(23)) await deliver(one, batch, alone);
      const byOne = await snapshot(one);
      expect(byOne.application_summaries).toHaveLength(30);
      // One process held every fold it made.
      expect(alone.reads).toEqual([]);

      await empty(one);
      // Two processes take turns: each finds the other's rows, at revisions it does not hold.
      const [first, second] = [await connect(), await connect()];
      const turns = counting();
      for (const [index, batch] of batchesOf(23).entries())
        await deliver(index % 2 === 0 ? first : second, batch, turns);
      expect(await snapshot(first)).toEqual(byOne);
      expect(turns.reads.length).toBeGreaterThan(0);
      const revisions = new Map(
        (byOne.application_summaries as Array<{ id: string; stream_revision: string }>).map((row) => [
          `application-${row.id}`,
          BigInt(row.stream_revision),
        ]),
      );
      // Each read stops at a revision the stream has, never past the application's last.
      for (const [streamId, toRevision] of turns.reads) {
        expect(typeof toRevision).toBe('bigint');
        expect(toRevision as bigint).toBeLessThanOrEqual(revisions.get(streamId)!);
      }
    });

    it('is not read for a batch that only redelivers what the row reflects', async () => {
      const one = await connect();
      await empty(one);
      for (const batch of batchesOf(23)) await deliver(one, batch, store);
      const before = await snapshot(one);
      const other = await connect();
      const reads = counting();
      await deliver(other, events, reads);
      expect(reads.reads).toEqual([]);
      expect(await snapshot(other)).toEqual(before);
    });

    it('refuses a row whose revision its stream never reached, writing nothing', async () => {
      const writer = await connect();
      await empty(writer);
      const [created] = events.filter((event) => event.type === 'ApplicationCreated');
      await deliver(writer, [created], store);
      const id = created.streamId.slice('application-'.length);
      await writer.query('UPDATE application_summaries SET stream_revision = 999 WHERE id = $1', [id]);
      const before = await snapshot(writer);

      const other = await connect();
      // An event past the row's revision: the row's state must be folded first.
      const later = {
        ...events.find((event) => event.streamId === created.streamId && event.revision === 1n)!,
        revision: 1000n,
      };
      await expect(deliver(other, [later], store)).rejects.toThrow(
        `${created.streamId} ends before revision 999, which its read row reflects`,
      );
      expect(await snapshot(other)).toEqual(before);
    });
  });

  // While batch N's statement runs, the projection folds batch N+1 and builds its statement.
  describe('the next batch, prepared while this one is written', () => {
    const deliverAnnouncing = (
      dataSource: DataSource,
      batch: readonly RecordedEvent[],
      next: readonly RecordedEvent[] | undefined,
    ) =>
      dataSource.transaction((manager) =>
        projectBatch(manager, applicationSummariesProjection, batch, tables, store, next),
      );

    it('is written as prepared, to the same rows as batches not announced', async () => {
      const plain = await connect();
      await empty(plain);
      for (const batch of batchesOf(23)) await deliver(plain, batch, store);
      const expected = await snapshot(plain);

      await empty(plain);
      const announcing = await connect();
      const built = jest.spyOn(rowStatements, 'rowsStatement');
      const batches = batchesOf(23);
      for (const [index, batch] of batches.entries())
        await deliverAnnouncing(announcing, batch, batches[index + 1]);
      expect(await snapshot(announcing)).toEqual(expected);
      // Each batch's statement was built once: ahead for all but the first, none again in its turn.
      expect(built).toHaveBeenCalledTimes(batches.length);
      built.mockRestore();
    });

    it('is folded again in its turn when its rows do not stand where it was folded from', async () => {
      const [first, second] = batchesOf(Math.ceil(events.length / 2));
      const announcing = await connect();
      await empty(announcing);
      await deliverAnnouncing(announcing, first, second);
      // Another process takes the rows back to nothing between the two batches.
      await empty(announcing);
      await deliverAnnouncing(announcing, second, undefined);
      const written = await snapshot(announcing);

      // What the second batch alone makes of no rows: only the applications it creates.
      const plain = await connect();
      await empty(plain);
      await deliver(plain, second, store);
      const alone = await snapshot(plain);
      expect(alone.application_summaries.length).toBeLessThan(30);
      expect(written).toEqual(alone);
    });

    it('is not used for a batch other than the one announced', async () => {
      const [first, second] = batchesOf(Math.ceil(events.length / 2));
      const announcing = await connect();
      await empty(announcing);
      await deliverAnnouncing(announcing, first, second);
      const shorter = second.slice(1);
      const built = jest.spyOn(rowStatements, 'rowsStatement');
      await deliverAnnouncing(announcing, shorter, undefined);
      expect(built).toHaveBeenCalledTimes(1);
      built.mockRestore();
      const written = await snapshot(announcing);

      const plain = await connect();
      await empty(plain);
      await deliver(plain, first, store);
      await deliver(plain, shorter, store);
      expect(written).toEqual(await snapshot(plain));
    });
  });
});
