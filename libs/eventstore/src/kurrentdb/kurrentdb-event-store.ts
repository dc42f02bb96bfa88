import {
  BACKWARDS,
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  NO_STREAM,
  START,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Position,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { ChainVerifier } from '../chain-verifier';
import { EventStoreOperationNotSupportedError, WrongExpectedRevisionError } from '../errors';
import type {
  AppendManyResult,
  AppendOptions,
  AppendResult,
  EventData,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  VerificationReport,
} from '../event-store';
import { chainEvents, GENESIS_HASH } from '../hash-chain';
import { UpcasterRegistry } from '../upcasters';
import { formatKurrentCheckpoint, parseKurrentCheckpoint } from './kurrentdb-checkpoint';
import { mapKurrentError } from './kurrentdb-errors';

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://127.0.0.1:2113?tls=false`. */
  readonly connectionString: string;
  /** Streams that belong to this system; `$all` reads and subscriptions see only these. */
  readonly streamPrefixes?: readonly string[];
  readonly upcasters?: UpcasterRegistry;
  /** Per-call deadline, so an unreachable server fails fast; default 5000 ms. */
  readonly deadlineMillis?: number;
}

export const DEFAULT_STREAM_PREFIXES = ['application-', 'fiscal-year-'] as const;
const DEFAULT_BATCH_SIZE = 500;
const MAX_ANY_ATTEMPTS = 5;

interface Head {
  readonly revision: bigint;
  readonly hash: string;
}

type KurrentRecorded = NonNullable<AllStreamResolvedEvent['event']>;

/**
 * KurrentDB adapter. Same port as PostgreSQL with two differences the contract suite
 * spells out: `appendMany` over more than one stream is refused (no atomic
 * multi-stream append with nested metadata in this client), and the global order
 * is KurrentDB's own $all commit order.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly prefixes: string[];
  private readonly upcasters: UpcasterRegistry;
  private readonly deadline: number;

  private constructor(
    private readonly client: KurrentDBClient,
    options: KurrentDbEventStoreOptions,
  ) {
    this.prefixes = [...(options.streamPrefixes ?? DEFAULT_STREAM_PREFIXES)];
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.deadline = options.deadlineMillis ?? 5_000;
  }

  /** Creates the client without contacting the server (it connects on first use). */
  static create(options: KurrentDbEventStoreOptions): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(options.connectionString), options);
  }

  /** Creates the client and reads one event of $all, so an unreachable server is reported now. */
  static async connect(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    const store = KurrentDbEventStore.create(options);
    const client = store.client;
    try {
      for await (const _event of client.readAll({ maxCount: 1, deadline: store.deadline })) break;
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw mapKurrentError(error);
    }
    return store;
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new TypeError(`append to ${streamId} needs at least one event`);
    const { expectedRevision } = options;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const head = await this.headFor(streamId, expectedRevision);
        const chained = chainEvents(
          streamId,
          head ? head.revision : -1n,
          head ? head.hash : GENESIS_HASH,
          events,
        );
        const result = await this.client.appendToStream(
          streamId,
          chained.map(({ eventId, type, data, metadata }) =>
            jsonEvent({ id: eventId, type, data, metadata: { ...metadata } }),
          ),
          // Always an exact state: the hashes were chained onto exactly this head.
          { streamState: head ? head.revision : NO_STREAM, deadline: this.deadline },
        );
        if (!result.position) throw new Error(`KurrentDB returned no position for the append to ${streamId}`);
        return {
          nextRevision: result.nextExpectedRevision,
          position: formatKurrentCheckpoint(result.position),
        };
      } catch (error) {
        const mapped = mapKurrentError(error, { streamId, expectedRevision });
        // `any` only asked for "after whatever is there": a race for the head is retried.
        if (
          mapped instanceof WrongExpectedRevisionError &&
          expectedRevision === 'any' &&
          attempt < MAX_ANY_ATTEMPTS
        )
          continue;
        throw mapped;
      }
    }
  }

  async appendMany(appends: readonly StreamAppend[]): Promise<AppendManyResult> {
    if (appends.length === 1) {
      const [{ streamId, events, expectedRevision }] = appends;
      const result = await this.append(streamId, events, { expectedRevision });
      return { streams: [{ streamId, ...result }], position: result.position };
    }
    throw new EventStoreOperationNotSupportedError(
      'appendMany',
      'KurrentDB appends atomically to one stream only (its multi-stream append takes flat string metadata and needs server 25.1+); use the PostgreSQL adapter for atomic adoption',
    );
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const raw = await this.readStreamRaw(
      streamId,
      options.toRevision === undefined ? undefined : BigInt(options.toRevision),
    );
    const events: RecordedEvent[] = [];
    for (const event of raw) {
      if (options.toInstant && event.created > options.toInstant) break;
      events.push(this.toRecordedEvent(event));
    }
    return events;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent[]> {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    let from: Position | undefined =
      options.from === undefined ? undefined : parseKurrentCheckpoint(options.from);
    for (;;) {
      const batch: RecordedEvent[] = [];
      for (const event of await this.readAllPage(from, batchSize)) batch.push(this.toRecordedEvent(event));
      if (batch.length === 0) return;
      yield batch;
      const last = batch[batch.length - 1];
      from = parseKurrentCheckpoint(last.checkpoint);
    }
  }

  async *subscribe(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const { signal } = options;
    if (signal?.aborted) return;
    const subscription = this.client.subscribeToAll({
      fromPosition: options.from === undefined ? START : parseKurrentCheckpoint(options.from),
      filter: streamNameFilter({ prefixes: this.prefixes }),
    });
    const stop = () => void subscription.unsubscribe();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for await (const resolved of subscription) {
        if (signal?.aborted) return;
        if (resolved.event) yield this.toRecordedEvent(resolved.event);
      }
    } catch (error) {
      if (signal?.aborted) return;
      throw mapKurrentError(error);
    } finally {
      signal?.removeEventListener('abort', stop);
      await subscription.unsubscribe().catch(() => undefined);
    }
  }

  async verifyStream(streamId: string): Promise<VerificationReport> {
    const verifier = new ChainVerifier();
    for (const event of await this.readStreamRaw(streamId, undefined)) verifier.add(toStoredEvent(event));
    return verifier.report();
  }

  async verifyAll(): Promise<VerificationReport> {
    // Streams interleave in $all; the verifier keeps one head per stream, never the events.
    const verifier = new ChainVerifier();
    let from: Position | undefined;
    for (;;) {
      const page = await this.readAllPage(from, 1_000);
      if (page.length === 0) return verifier.report();
      for (const event of page) verifier.add(toStoredEvent(event));
      from = page[page.length - 1].position;
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** The head new events chain onto; undefined when the stream must not (or does not) exist. */
  private async headFor(streamId: string, expected: ExpectedRevision): Promise<Head | undefined> {
    if (expected === 'no_stream') return undefined;
    if (expected === 'any') return this.readEvent(streamId, { fromRevision: 'end', direction: BACKWARDS });
    const revision = BigInt(expected);
    const head = await this.readEvent(streamId, { fromRevision: revision, direction: FORWARDS });
    if (!head || head.revision !== revision) {
      const last = await this.readEvent(streamId, { fromRevision: 'end', direction: BACKWARDS });
      throw new WrongExpectedRevisionError(streamId, expected, last ? last.revision : 'no_stream');
    }
    return head;
  }

  private async readEvent(
    streamId: string,
    at: { fromRevision: bigint | 'end'; direction: typeof FORWARDS | typeof BACKWARDS },
  ): Promise<Head | undefined> {
    try {
      for await (const resolved of this.client.readStream(streamId, {
        ...at,
        maxCount: 1,
        deadline: this.deadline,
      })) {
        if (!resolved.event) continue;
        const metadata = resolved.event.metadata as Partial<EventMetadata> | undefined;
        return { revision: resolved.event.revision, hash: metadata?.hash ?? GENESIS_HASH };
      }
      return undefined;
    } catch (error) {
      const mapped = mapKurrentError(error, { streamId });
      if ((mapped as { code?: string }).code === 'stream_not_found') return undefined;
      throw mapped;
    }
  }

  private async readStreamRaw(streamId: string, toRevision: bigint | undefined): Promise<KurrentRecorded[]> {
    const events: KurrentRecorded[] = [];
    try {
      const maxCount = toRevision === undefined ? undefined : toRevision + 1n;
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: START,
        direction: FORWARDS,
        maxCount,
        deadline: this.deadline,
      }) as AsyncIterable<ResolvedEvent>) {
        if (resolved.event) events.push(resolved.event as KurrentRecorded);
      }
    } catch (error) {
      throw mapKurrentError(error, { streamId });
    }
    return events;
  }

  /** One page of $all after `from` (KurrentDB reads $all inclusively; the event at `from` is dropped). */
  private async readAllPage(from: Position | undefined, batchSize: number): Promise<KurrentRecorded[]> {
    const events: KurrentRecorded[] = [];
    try {
      const read = this.client.readAll({
        fromPosition: from ?? START,
        maxCount: batchSize + (from ? 1 : 0),
        direction: FORWARDS,
        filter: streamNameFilter({ prefixes: this.prefixes }),
        deadline: this.deadline,
      });
      for await (const resolved of read) {
        const event = resolved.event;
        if (!event) continue;
        if (from && event.position.commit === from.commit && event.position.prepare === from.prepare)
          continue;
        events.push(event);
      }
    } catch (error) {
      throw mapKurrentError(error);
    }
    return events.slice(0, batchSize);
  }

  private toRecordedEvent(event: KurrentRecorded): RecordedEvent {
    if (!event.position) throw new Error(`KurrentDB event ${event.id} has no $all position`);
    const recorded: RecordedEvent = {
      streamId: event.streamId,
      revision: event.revision,
      globalPosition: event.position.commit,
      checkpoint: formatKurrentCheckpoint(event.position),
      eventId: event.id,
      type: event.type,
      data: event.data as EventData,
      metadata: event.metadata as unknown as EventMetadata,
      recordedAt: event.created,
    };
    return this.upcasters.isEmpty ? recorded : this.upcasters.upcast(recorded);
  }
}

function toStoredEvent(event: KurrentRecorded) {
  return {
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.id,
    type: event.type,
    data: event.data as EventData,
    metadata: (event.metadata ?? {}) as Record<string, unknown>,
  };
}
