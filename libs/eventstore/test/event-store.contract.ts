import {
  eventHash,
  GENESIS_HASH,
  StreamNotFoundError,
  UpcasterRegistry,
  WrongExpectedRevisionError,
  type EventStore,
  type ProjectedEvent,
  type RecordedEvent,
} from '../src';
import { ChainVerifier } from '../src/chain-verifier';
import { EVENTS_PER_TURN } from '../src/in-turns';
import { applicationStreamId, fiscalYearStreamId, newEvent, newEvents } from './event-fixtures';

export interface EventStoreContractSubject {
  /** A store on a database this suite may write to (other tests may write there too). */
  readonly create: (options: { upcasters?: UpcasterRegistry }) => Promise<EventStore>;
}

async function collect(iterable: AsyncIterable<RecordedEvent[]>): Promise<RecordedEvent[][]> {
  const batches: RecordedEvent[][] = [];
  for await (const batch of iterable) batches.push(batch);
  return batches;
}

/**
 * readAll again until `seen` holds for what it read (at most 30 s). PostgreSQL's readAll
 * ends below the oldest transaction still running anywhere on the server, and the test
 * suites share one server: a fresh append becomes visible there once those end.
 */
async function collectOnceVisible(
  read: () => AsyncIterable<RecordedEvent[]>,
  seen: (events: RecordedEvent[]) => boolean,
): Promise<RecordedEvent[][]> {
  const giveUpAt = Date.now() + 30_000;
  for (;;) {
    const batches = await collect(read());
    if (seen(batches.flat()) || Date.now() > giveUpAt) return batches;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function hasAll(eventIds: readonly string[]): (events: RecordedEvent[]) => boolean {
  return (events) => {
    const read = new Set(events.map((event) => event.eventId));
    return eventIds.every((eventId) => read.has(eventId));
  };
}

/** The behaviour every adapter must have; each adapter's spec calls this once. */
export function describeEventStoreContract(name: string, subject: EventStoreContractSubject): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;

    beforeAll(async () => {
      store = await subject.create({});
    });

    afterAll(async () => {
      await store?.close();
    });

    describe('append and readStream', () => {
      it('starts a stream at revision 0 and chains hashes from 64 zeros', async () => {
        const streamId = applicationStreamId();
        const [first, second] = newEvents(2);
        const created = await store.append(streamId, [first], { expectedRevision: 'no_stream' });
        expect(created.nextRevision).toBe(0n);
        const next = await store.append(streamId, [second], { expectedRevision: 0 });
        expect(next.nextRevision).toBe(1n);

        const events = await store.readStream(streamId);
        expect(events.map((event) => [event.revision, event.eventId, event.type])).toEqual([
          [0n, first.eventId, first.type],
          [1n, second.eventId, second.type],
        ]);
        expect(events[0].data).toEqual(first.data);
        expect(events[0].metadata).toMatchObject({ ...first.metadata, prevHash: GENESIS_HASH });
        expect(events[1].metadata.prevHash).toBe(events[0].metadata.hash);
        for (const event of events) {
          expect(event.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
          expect(eventHash(event)).toBe(event.metadata.hash);
          expect(event.recordedAt).toBeInstanceOf(Date);
        }
        expect(events[1].checkpoint).toBe(next.position);
      });

      it('appends several events at once with consecutive revisions', async () => {
        const streamId = applicationStreamId();
        const result = await store.append(streamId, newEvents(3), { expectedRevision: 'no_stream' });
        expect(result.nextRevision).toBe(2n);
        const more = await store.append(streamId, newEvents(2), { expectedRevision: 2n });
        expect(more.nextRevision).toBe(4n);
        expect((await store.readStream(streamId)).map((event) => event.revision)).toEqual([
          0n,
          1n,
          2n,
          3n,
          4n,
        ]);
      });

      it('keeps revision order past single digits', async () => {
        const streamId = applicationStreamId();
        await store.append(streamId, newEvents(7), { expectedRevision: 'no_stream' });
        await store.append(streamId, newEvents(7), { expectedRevision: 6 });
        const revisions = (await store.readStream(streamId)).map((event) => Number(event.revision));
        expect(revisions).toEqual(Array.from({ length: 14 }, (_, index) => index));
        expect((await store.verifyStream(streamId)).ok).toBe(true);
      });

      it("appends with 'any' to a new and to an existing stream", async () => {
        const streamId = applicationStreamId();
        expect((await store.append(streamId, [newEvent()], { expectedRevision: 'any' })).nextRevision).toBe(
          0n,
        );
        expect((await store.append(streamId, [newEvent()], { expectedRevision: 'any' })).nextRevision).toBe(
          1n,
        );
        const events = await store.readStream(streamId);
        expect(events[1].metadata.prevHash).toBe(events[0].metadata.hash);
      });

      it("refuses 'no_stream' on an existing stream with expected and actual revisions", async () => {
        const streamId = applicationStreamId();
        await store.append(streamId, [newEvent()], { expectedRevision: 'no_stream' });
        const error = await store
          .append(streamId, [newEvent()], { expectedRevision: 'no_stream' })
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({
          code: 'wrong_expected_revision',
          streamId,
          expected: 'no_stream',
          actual: 0n,
        });
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('refuses a stale exact revision and writes nothing', async () => {
        const streamId = applicationStreamId();
        await store.append(streamId, newEvents(2), { expectedRevision: 'no_stream' });
        const error = await store
          .append(streamId, [newEvent()], { expectedRevision: 0 })
          .catch((caught: unknown) => caught);
        expect(error).toMatchObject({ code: 'wrong_expected_revision', expected: 0, actual: 1n });
        const missing = await store
          .append(applicationStreamId(), [newEvent()], { expectedRevision: 3 })
          .catch((caught: unknown) => caught);
        expect(missing).toMatchObject({ code: 'wrong_expected_revision', expected: 3, actual: 'no_stream' });
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('answers a retried append with the same event ids as the first time, without writing', async () => {
        const streamId = applicationStreamId();
        const events = newEvents(2);
        const first = await store.append(streamId, events, { expectedRevision: 'no_stream' });
        const retried = await store.append(streamId, events, { expectedRevision: 'no_stream' });
        expect(retried).toEqual(first);
        const later = newEvents(1);
        const second = await store.append(streamId, later, { expectedRevision: 1 });
        expect(await store.append(streamId, later, { expectedRevision: 1 })).toEqual(second);
        expect((await store.readStream(streamId)).map((event) => event.eventId)).toEqual(
          [...events, ...later].map((event) => event.eventId),
        );
      });

      it('rejects an append whose event ids are only partly stored', async () => {
        const streamId = applicationStreamId();
        const events = newEvents(2);
        await store.append(streamId, events, { expectedRevision: 'no_stream' });
        const error = await store
          .append(streamId, [events[1], newEvent()], { expectedRevision: 1 })
          .catch((caught: unknown) => caught);
        // PostgreSQL names the reused id; KurrentDB reports it as a failed idempotency check.
        expect(error).toMatchObject({
          code: expect.stringMatching(/^(duplicate_event_id|wrong_expected_revision)$/),
        });
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('reads a stream up to a revision and up to an instant', async () => {
        const streamId = applicationStreamId();
        await store.append(streamId, newEvents(3), { expectedRevision: 'no_stream' });
        const all = await store.readStream(streamId);
        expect((await store.readStream(streamId, { toRevision: 1 })).map((event) => event.revision)).toEqual([
          0n,
          1n,
        ]);
        expect(
          await store.readStream(streamId, { toInstant: new Date(all[0].recordedAt.getTime() - 1) }),
        ).toEqual([]);
        await new Promise((resolve) => setTimeout(resolve, 20));
        const cut = new Date();
        await new Promise((resolve) => setTimeout(resolve, 20));
        await store.append(streamId, [newEvent()], { expectedRevision: 2 });
        expect((await store.readStream(streamId, { toInstant: cut })).map((event) => event.revision)).toEqual(
          [0n, 1n, 2n],
        );
        expect(await store.readStream(streamId)).toHaveLength(4);
      });

      it('reads a stream from a revision: what came after a fold, and nothing (not a missing stream) past its end', async () => {
        const streamId = applicationStreamId();
        await store.append(streamId, newEvents(3), { expectedRevision: 'no_stream' });
        expect(
          (await store.readStream(streamId, { fromRevision: 1 })).map((event) => event.revision),
        ).toEqual([1n, 2n]);
        expect(
          (await store.readStream(streamId, { fromRevision: 1, toRevision: 1 })).map(
            (event) => event.revision,
          ),
        ).toEqual([1n]);
        expect(await store.readStream(streamId, { fromRevision: 3 })).toEqual([]);
        await store.append(streamId, [newEvent()], { expectedRevision: 2 });
        expect(
          (await store.readStream(streamId, { fromRevision: 3 })).map((event) => event.revision),
        ).toEqual([3n]);
        await expect(store.readStream(applicationStreamId(), { fromRevision: 3 })).rejects.toBeInstanceOf(
          StreamNotFoundError,
        );
      });

      it('reports a missing stream as StreamNotFoundError', async () => {
        const streamId = applicationStreamId();
        const error = await store.readStream(streamId).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(StreamNotFoundError);
        expect(error).toMatchObject({ code: 'stream_not_found', streamId });
      });
    });

    describe('appendMany', () => {
      it('appends to the application and the fiscal-year stream together', async () => {
        const application = applicationStreamId();
        const budget = fiscalYearStreamId();
        await store.append(budget, [newEvent('BudgetOpened')], { expectedRevision: 'no_stream' });
        const result = await store.appendMany([
          {
            streamId: application,
            events: [newEvent('ApplicationAdopted')],
            expectedRevision: 'no_stream',
          },
          { streamId: budget, events: [newEvent('GrantReserved')], expectedRevision: 0 },
        ]);
        expect(result.streams.map((stream) => [stream.streamId, stream.nextRevision])).toEqual([
          [application, 0n],
          [budget, 1n],
        ]);
        expect((await store.readStream(budget)).map((event) => event.type)).toEqual([
          'BudgetOpened',
          'GrantReserved',
        ]);
        expect((await store.readStream(application)).map((event) => event.type)).toEqual([
          'ApplicationAdopted',
        ]);
      });

      it('writes nothing to any stream when one expected revision is wrong', async () => {
        const application = applicationStreamId();
        const budget = fiscalYearStreamId();
        await store.append(budget, newEvents(2), { expectedRevision: 'no_stream' });
        const error = await store
          .appendMany([
            {
              streamId: application,
              events: [newEvent('ApplicationAdopted')],
              expectedRevision: 'no_stream',
            },
            { streamId: budget, events: [newEvent('GrantReserved')], expectedRevision: 0 },
          ])
          .catch((caught: unknown) => caught);
        expect(error).toMatchObject({
          code: 'wrong_expected_revision',
          streamId: budget,
          expected: 0,
          actual: 1n,
        });
        await expect(store.readStream(application)).rejects.toBeInstanceOf(StreamNotFoundError);
        expect(await store.readStream(budget)).toHaveLength(2);
      });

      it('chains each stream onto its own head and answers the checkpoints of the events it wrote', async () => {
        const application = applicationStreamId();
        const budget = fiscalYearStreamId();
        await store.append(budget, newEvents(2), { expectedRevision: 'no_stream' });
        const adopted = newEvent(
          'ApplicationAdopted',
          { amountYen: 1 },
          { ruleSetId: 'fy2025', provisional: true },
        );
        const result = await store.appendMany([
          { streamId: application, events: [adopted], expectedRevision: 'no_stream' },
          { streamId: budget, events: [newEvent('GrantReserved')], expectedRevision: 1 },
        ]);
        const [applicationEvent] = await store.readStream(application);
        const budgetEvents = await store.readStream(budget);
        expect(applicationEvent.metadata).toEqual({
          ...adopted.metadata,
          prevHash: GENESIS_HASH,
          hash: eventHash(applicationEvent),
        });
        expect(budgetEvents[2].metadata.prevHash).toBe(budgetEvents[1].metadata.hash);
        expect(result.streams.map((stream) => stream.position)).toEqual([
          applicationEvent.checkpoint,
          budgetEvents[2].checkpoint,
        ]);
        expect([applicationEvent.checkpoint, budgetEvents[2].checkpoint]).toContain(result.position);
        expect((await store.verifyStream(budget)).ok).toBe(true);
        expect((await store.verifyStream(application)).ok).toBe(true);
      });

      it('answers a retried appendMany with the first result', async () => {
        const appends = [
          { streamId: applicationStreamId(), events: [newEvent()], expectedRevision: 'no_stream' as const },
          { streamId: fiscalYearStreamId(), events: [newEvent()], expectedRevision: 'no_stream' as const },
        ];
        const first = await store.appendMany(appends);
        expect(await store.appendMany(appends)).toEqual(first);
      });
    });

    describe('appendMany with streams expected unchanged', () => {
      it('appends when each unchanged stream is still at the revision expected, and writes nothing to it', async () => {
        const application = applicationStreamId();
        const budget = fiscalYearStreamId();
        const absent = fiscalYearStreamId();
        await store.append(budget, newEvents(2), { expectedRevision: 'no_stream' });
        const result = await store.appendMany(
          [
            {
              streamId: application,
              events: [newEvent('ApplicationCreated')],
              expectedRevision: 'no_stream',
            },
          ],
          {
            unchanged: [
              { streamId: budget, expectedRevision: 1 },
              { streamId: absent, expectedRevision: 'no_stream' },
            ],
          },
        );
        expect(result.streams.map((stream) => [stream.streamId, stream.nextRevision])).toEqual([
          [application, 0n],
        ]);
        expect(await store.readStream(budget)).toHaveLength(2);
        await expect(store.readStream(absent)).rejects.toBeInstanceOf(StreamNotFoundError);
        expect((await store.verifyStream(application)).ok).toBe(true);
      });

      it('writes nothing when an unchanged stream has moved on, naming it with its actual revision', async () => {
        const application = applicationStreamId();
        const budget = fiscalYearStreamId();
        await store.append(budget, newEvents(3), { expectedRevision: 'no_stream' });
        const error = await store
          .appendMany(
            [
              {
                streamId: application,
                events: [newEvent('ApplicationCreated')],
                expectedRevision: 'no_stream',
              },
            ],
            { unchanged: [{ streamId: budget, expectedRevision: 1 }] },
          )
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId: budget, expected: 1, actual: 2n });
        await expect(store.readStream(application)).rejects.toBeInstanceOf(StreamNotFoundError);
        expect(await store.readStream(budget)).toHaveLength(3);
      });

      it('writes nothing when a stream expected not to exist does, or one expected at a revision does not', async () => {
        const application = applicationStreamId();
        const budget = fiscalYearStreamId();
        const absent = fiscalYearStreamId();
        await store.append(budget, newEvents(1), { expectedRevision: 'no_stream' });
        const append = [
          {
            streamId: application,
            events: [newEvent('ApplicationCreated')],
            expectedRevision: 'no_stream' as const,
          },
        ];
        await expect(
          store.appendMany(append, { unchanged: [{ streamId: budget, expectedRevision: 'no_stream' }] }),
        ).rejects.toMatchObject({ code: 'wrong_expected_revision', streamId: budget, actual: 0n });
        await expect(
          store.appendMany(append, { unchanged: [{ streamId: absent, expectedRevision: 0 }] }),
        ).rejects.toMatchObject({ code: 'wrong_expected_revision', streamId: absent, actual: 'no_stream' });
        await expect(store.readStream(application)).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('refuses a stream both appended to and expected unchanged, and an unchanged stream at any revision', async () => {
        const application = applicationStreamId();
        const append = [
          { streamId: application, events: [newEvent()], expectedRevision: 'no_stream' as const },
        ];
        await expect(
          store.appendMany(append, { unchanged: [{ streamId: application, expectedRevision: 'no_stream' }] }),
        ).rejects.toBeInstanceOf(TypeError);
        await expect(
          store.appendMany(append, {
            unchanged: [{ streamId: fiscalYearStreamId(), expectedRevision: 'any' }],
          }),
        ).rejects.toBeInstanceOf(TypeError);
        await expect(store.readStream(application)).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('readAll', () => {
      it('reads in global order from a checkpoint, in batches, ending at the end of the log', async () => {
        const streams = [applicationStreamId(), fiscalYearStreamId()];
        const marker = await store.append(streams[0], [newEvent()], { expectedRevision: 'no_stream' });
        const appended: string[] = [];
        for (let index = 0; index < 7; index += 1) {
          const event = newEvent('Counted', { index });
          await store.append(streams[index % 2], [event], { expectedRevision: 'any' });
          appended.push(event.eventId);
        }
        const batches = await collectOnceVisible(
          () => store.readAll({ from: marker.position, batchSize: 3 }),
          hasAll(appended),
        );
        expect(batches.every((batch) => batch.length > 0 && batch.length <= 3)).toBe(true);
        const ours = batches.flat().filter((event) => streams.includes(event.streamId));
        expect(ours.map((event) => event.eventId)).toEqual(appended);

        const resumed = await collectOnceVisible(
          () => store.readAll({ from: ours[3].checkpoint }),
          hasAll(appended.slice(4)),
        );
        expect(
          resumed
            .flat()
            .filter((event) => streams.includes(event.streamId))
            .map((event) => event.eventId),
        ).toEqual(appended.slice(4));
      });

      it('reads from the beginning when no checkpoint is given', async () => {
        const streamId = applicationStreamId();
        const events = newEvents(2);
        await store.append(streamId, events, { expectedRevision: 'no_stream' });
        const all = (
          await collectOnceVisible(
            () => store.readAll({ batchSize: 1000 }),
            hasAll(events.map((event) => event.eventId)),
          )
        ).flat();
        expect(all.filter((event) => event.streamId === streamId).map((event) => event.revision)).toEqual([
          0n,
          1n,
        ]);
      });
    });

    describe('readAllProjected', () => {
      it('reads the events readAll reads, in the same order and batches, with what a projection reads of each', async () => {
        const streamId = applicationStreamId();
        const marker = await store.append(applicationStreamId(), [newEvent()], {
          expectedRevision: 'no_stream',
        });
        const events = [
          newEvent('Counted', { index: 0, title: '遠野の新事業' }),
          newEvent('Counted', { index: 1 }),
        ];
        await store.append(streamId, events, { expectedRevision: 'no_stream' });
        const whole = await collectOnceVisible(
          () => store.readAll({ from: marker.position, batchSize: 1 }),
          hasAll(events.map((event) => event.eventId)),
        );
        const projected: ProjectedEvent[][] = [];
        for await (const batch of store.readAllProjected({ from: marker.position, batchSize: 1 }))
          projected.push(batch);
        // Bigints as text: a failure's diff must cross Jest's worker boundary, which cannot send them.
        const whatProjectionsRead = (event: ProjectedEvent) => ({
          streamId: event.streamId,
          revision: String(event.revision),
          globalPosition: String(event.globalPosition),
          transactionId: String(event.transactionId),
          checkpoint: event.checkpoint,
          type: event.type,
          data: event.data,
          metadata: { occurredAt: event.metadata.occurredAt, schemaVersion: event.metadata.schemaVersion },
        });
        expect(projected.map((batch) => batch.map(whatProjectionsRead))).toEqual(
          whole.map((batch) => batch.map(whatProjectionsRead)),
        );
        const ours = projected.flat().filter((event) => event.streamId === streamId);
        expect(ours.map((event) => event.data)).toEqual(events.map((event) => event.data));
        expect(ours.map((event) => event.metadata.occurredAt)).toEqual(
          events.map((event) => event.metadata.occurredAt),
        );
      });
    });

    describe('subscribe', () => {
      it('catches up from a checkpoint, then delivers live appends, and ends on abort', async () => {
        const streamId = applicationStreamId();
        const marker = await store.append(applicationStreamId(), [newEvent()], {
          expectedRevision: 'no_stream',
        });
        const before = newEvents(3);
        await store.append(streamId, before, { expectedRevision: 'no_stream' });

        const controller = new AbortController();
        const seen: string[] = [];
        const after = newEvents(2);
        const expected = [...before, ...after].map((event) => event.eventId);
        let liveAppended = false;
        const reading = (async () => {
          for await (const event of store.subscribe({ from: marker.position, signal: controller.signal })) {
            if (event.streamId !== streamId) continue;
            seen.push(event.eventId);
            if (seen.length === before.length && !liveAppended) {
              liveAppended = true;
              // Appended only once the catch-up is done: these must arrive live.
              void store
                .append(streamId, [after[0]], { expectedRevision: 2 })
                .then(() => store.append(streamId, [after[1]], { expectedRevision: 3 }));
            }
            if (seen.length === expected.length) controller.abort();
          }
        })();
        const timeout = setTimeout(() => controller.abort(), 20_000);
        await reading;
        clearTimeout(timeout);
        expect(seen).toEqual(expected);
      });

      it('ends without events when the signal is already aborted', async () => {
        const controller = new AbortController();
        controller.abort();
        const seen: RecordedEvent[] = [];
        for await (const event of store.subscribe({ signal: controller.signal })) seen.push(event);
        expect(seen).toEqual([]);
      });
    });

    describe('watch', () => {
      it('yields at once, then again after an append until a read at a yield finds it, and ends on abort', async () => {
        const marker = await store.append(applicationStreamId(), [newEvent()], {
          expectedRevision: 'no_stream',
        });
        const later = newEvent();
        const controller = new AbortController();
        const timeout = setTimeout(() => controller.abort(), 20_000);
        let yields = 0;
        let found = false;
        for await (const _grown of store.watch({ signal: controller.signal })) {
          yields += 1;
          if (yields === 1) {
            // Appended only after the first yield: only a later one can lead a read to it.
            await store.append(applicationStreamId(), [later], { expectedRevision: 'no_stream' });
            continue;
          }
          const read = (await collect(store.readAll({ from: marker.position }))).flat();
          if (read.some((event) => event.eventId === later.eventId)) {
            found = true;
            controller.abort();
          }
        }
        clearTimeout(timeout);
        expect(found).toBe(true);
      });

      it('yields nothing when the signal is already aborted', async () => {
        const controller = new AbortController();
        controller.abort();
        let yields = 0;
        for await (const _grown of store.watch({ signal: controller.signal })) yields += 1;
        expect(yields).toBe(0);
      });
    });

    describe('upcasting', () => {
      it('upcasts old schema versions on readStream, readAll, readAllProjected and subscribe; verification still sees the stored form', async () => {
        const upcasters = new UpcasterRegistry()
          .register('ApplicationDrafted', 1, (event) => ({
            data: { ...event.data, track: 'national' },
            schemaVersion: 2,
          }))
          .register('ApplicationDrafted', 2, (event) => ({
            type: 'ApplicationDraftCreated',
            data: event.data,
            schemaVersion: 3,
          }));
        const upcasting = await subject.create({ upcasters });
        try {
          const streamId = applicationStreamId();
          const marker = await upcasting.append(applicationStreamId(), [newEvent('Other')], {
            expectedRevision: 'no_stream',
          });
          const stored = newEvent('ApplicationDrafted', { title: 'x' });
          await upcasting.append(streamId, [stored], { expectedRevision: 'no_stream' });
          const expectedShape = {
            type: 'ApplicationDraftCreated',
            data: { title: 'x', track: 'national' },
            metadata: expect.objectContaining({ schemaVersion: 3 }),
          };

          expect((await upcasting.readStream(streamId))[0]).toMatchObject(expectedShape);
          const fromAll = (
            await collectOnceVisible(
              () => upcasting.readAll({ from: marker.position }),
              hasAll([stored.eventId]),
            )
          )
            .flat()
            .find((event) => event.streamId === streamId);
          expect(fromAll).toMatchObject(expectedShape);
          const projected: ProjectedEvent[] = [];
          for await (const batch of upcasting.readAllProjected({ from: marker.position }))
            projected.push(...batch);
          expect(projected.find((event) => event.streamId === streamId)).toMatchObject(expectedShape);
          const controller = new AbortController();
          let live: RecordedEvent | undefined;
          for await (const event of upcasting.subscribe({
            from: marker.position,
            signal: controller.signal,
          })) {
            if (event.streamId !== streamId) continue;
            live = event;
            controller.abort();
          }
          expect(live).toMatchObject(expectedShape);
          expect(await upcasting.verifyStream(streamId)).toMatchObject({ ok: true, eventsChecked: 1 });
        } finally {
          await upcasting.close();
        }
      });
    });

    describe('verification', () => {
      it('finds an untouched stream and log intact', async () => {
        const streamId = applicationStreamId();
        await store.append(streamId, newEvents(3), { expectedRevision: 'no_stream' });
        await store.append(streamId, newEvents(2), { expectedRevision: 2 });
        expect(await store.verifyStream(streamId)).toEqual({
          streamsChecked: 1,
          eventsChecked: 5,
          ok: true,
          failures: [],
        });
        const all = await store.verifyAll();
        expect(all.ok).toBe(true);
        expect(all.eventsChecked).toBeGreaterThanOrEqual(5);
        expect(all.streamsChecked).toBeGreaterThanOrEqual(1);
      });

      it("hands the event loop over while it hashes, so the process's other requests are served meanwhile", async () => {
        const streamId = applicationStreamId();
        await store.append(streamId, newEvents(300), { expectedRevision: 'no_stream' });
        const hashing = jest.spyOn(ChainVerifier.prototype, 'add');
        // Events hashed so far, written down at every turn of the event loop.
        const atEachTurn: number[] = [];
        let verifying = true;
        const turn = (): void => {
          atEachTurn.push(hashing.mock.calls.length);
          if (verifying) setImmediate(turn);
        };
        setImmediate(turn);
        try {
          expect((await store.verifyStream(streamId)).eventsChecked).toBe(300);
          expect((await store.verifyAll()).eventsChecked).toBeGreaterThanOrEqual(300);
        } finally {
          verifying = false;
          hashing.mockRestore();
        }
        const inOneTurn = atEachTurn.slice(1).map((hashed, index) => hashed - atEachTurn[index]);
        // 600 events or more, verified a slice at a time: a turn between every two slices.
        expect(atEachTurn.length).toBeGreaterThan(600 / EVENTS_PER_TURN);
        expect(Math.max(...inOneTurn)).toBeLessThanOrEqual(EVENTS_PER_TURN);
      });

      it('tells how many events it has checked, page by page as it walks the whole store', async () => {
        const streamId = applicationStreamId();
        await store.append(streamId, newEvents(1_100), { expectedRevision: 'no_stream' });
        const told: number[] = [];
        const report = await store.verifyAll({ onChecked: (events) => told.push(events) });
        // More than a page of events: told at least twice, and in all of every event checked.
        expect(told.length).toBeGreaterThanOrEqual(2);
        expect(told.reduce((sum, events) => sum + events, 0)).toBe(report.eventsChecked);
      });

      it('abandons a whole-store verification when its signal aborts, and verifies again afterwards', async () => {
        const streamId = applicationStreamId();
        await store.append(streamId, newEvents(300), { expectedRevision: 'no_stream' });
        await expect(store.verifyAll({ signal: AbortSignal.abort() })).rejects.toMatchObject({
          name: 'AbortError',
        });
        // The auditor goes away once 100 events are hashed.
        const auditor = new AbortController();
        const add = ChainVerifier.prototype.add;
        const counting = jest.spyOn(ChainVerifier.prototype, 'add').mockImplementation(function (
          this: ChainVerifier,
          event,
        ) {
          if (counting.mock.calls.length === 100) auditor.abort();
          add.call(this, event);
        });
        try {
          await expect(store.verifyAll({ signal: auditor.signal })).rejects.toMatchObject({
            name: 'AbortError',
          });
          // Stopped at the first turn after the abort: not one slice more.
          expect(counting.mock.calls.length).toBeLessThanOrEqual(100 + EVENTS_PER_TURN);
        } finally {
          counting.mockRestore();
        }
        const again = await store.verifyAll();
        expect(again.ok).toBe(true);
        expect(again.eventsChecked).toBeGreaterThanOrEqual(300);
      });
    });
  });
}
