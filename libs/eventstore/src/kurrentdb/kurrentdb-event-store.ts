import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  streamNameFilter,
  type AllStreamRecordedEvent,
  type Position,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import { ChainVerifier, type StoredEvent } from '../chain-verifier';
import { inTurns } from '../in-turns';
import { EventStoreServerUnsupportedError, WrongExpectedRevisionError } from '../errors';
import type {
  AppendManyOptions,
  AppendManyResult,
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ProjectedEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  VerificationReport,
  VerifyOptions,
  WatchOptions,
} from '../event-store';
import { GENESIS_HASH } from '../hash-chain';
import { UpcasterRegistry } from '../upcasters';
import { KurrentAppender, type KurrentHead } from './kurrentdb-append';
import { formatKurrentCheckpoint, parseKurrentCheckpoint } from './kurrentdb-checkpoint';
import { kurrentClientOf, type KurrentClient } from './kurrentdb-client';
import { mapKurrentError } from './kurrentdb-errors';
import { decodeMetadata } from './kurrentdb-metadata';
import { fresh } from '@l10k/rules';

/** What a subscription yields first: it has been requested from the server. */
const SUBSCRIBED = Symbol('subscribed');

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://127.0.0.1:2113?tls=false`. */
  readonly connectionString: string;
  /** Streams that belong to this system; `$all` reads and subscriptions see only these. */
  readonly streamPrefixes?: readonly string[];
  readonly upcasters?: UpcasterRegistry;
  /** Per-call deadline, so an unreachable server fails fast; default 5000 ms. */
  readonly deadlineMillis?: number;
}

export type KurrentDbEventStoreSettings = Omit<KurrentDbEventStoreOptions, 'connectionString'>;

export const DEFAULT_STREAM_PREFIXES = ['application-', 'fiscal-year-'] as const;
/** The first KurrentDB with multi-stream append (the v2 append session), which adoption needs. */
export const KURRENTDB_REQUIRED_VERSION = '25.1';
const DEFAULT_BATCH_SIZE = 500;

/**
 * KurrentDB adapter: the same port and contract as PostgreSQL. `appendMany` over several
 * streams is KurrentDB's atomic multi-stream append (server 25.1 or later, checked at
 * connect); the global order is KurrentDB's own $all commit order.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly prefixes: string[];
  private readonly upcasters: UpcasterRegistry;
  private readonly deadline: number;
  private readonly appender: KurrentAppender;

  private constructor(
    private readonly client: KurrentClient,
    settings: KurrentDbEventStoreSettings,
  ) {
    this.prefixes = [...(settings.streamPrefixes ?? DEFAULT_STREAM_PREFIXES)];
    this.upcasters = settings.upcasters ?? new UpcasterRegistry();
    this.deadline = settings.deadlineMillis ?? 5_000;
    this.appender = new KurrentAppender(
      client,
      (streamId, expected) => this.headFor(streamId, expected),
      this.deadline,
      async (streamId) =>
        (await this.readEvent(streamId, { fromRevision: 'end', direction: BACKWARDS }))?.revision,
    );
  }

  /** Creates the client without contacting the server (it connects on first use, and checks nothing). */
  static create(options: KurrentDbEventStoreOptions): KurrentDbEventStore {
    return new KurrentDbEventStore(
      kurrentClientOf(KurrentDBClient.connectionString(options.connectionString)),
      options,
    );
  }

  /**
   * Creates the client, reads one event of $all (an unreachable server is reported now)
   * and refuses a server older than 25.1 with EventStoreServerUnsupportedError.
   */
  static async connect(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    return KurrentDbEventStore.connectWith(
      kurrentClientOf(KurrentDBClient.connectionString(options.connectionString)),
      options,
    );
  }

  /** `connect` over any client of the narrow interface (the unit tests' in-memory fake). */
  static async connectWith(
    client: KurrentClient,
    settings: KurrentDbEventStoreSettings = {},
  ): Promise<KurrentDbEventStore> {
    const store = new KurrentDbEventStore(client, settings);
    try {
      for await (const _event of client.readAll({ maxCount: 1, deadline: store.deadline })) break;
      const features = await client.serverFeatures();
      if (!features.multiStreamAppend)
        throw new EventStoreServerUnsupportedError(
          'multi-stream append',
          KURRENTDB_REQUIRED_VERSION,
          features.version,
        );
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw mapKurrentError(error);
    }
    return store;
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const result = await this.appender.appendMany([
      { streamId, events, expectedRevision: options.expectedRevision },
    ]);
    return { nextRevision: result.streams[0].nextRevision, position: result.position };
  }

  appendMany(appends: readonly StreamAppend[], options?: AppendManyOptions): Promise<AppendManyResult> {
    return this.appender.appendMany(appends, options);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const raw = await this.readStreamRaw(
      streamId,
      options.toRevision === undefined ? undefined : BigInt(options.toRevision),
      options.fromRevision === undefined ? 0n : BigInt(options.fromRevision),
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

  /**
   * The port's projected read, as readAll: the server sends each event whole over gRPC, so
   * leaving fields out would read nothing less. A RecordedEvent is a ProjectedEvent.
   */
  readAllProjected(options: ReadAllOptions = {}): AsyncIterable<ProjectedEvent[]> {
    return this.readAll(options);
  }

  async *subscribe(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const from = options.from === undefined ? START : parseKurrentCheckpoint(options.from);
    for await (const event of this.subscribeToAll(from, options.signal))
      if (event !== SUBSCRIBED) yield this.toRecordedEvent(event);
  }

  /**
   * The port's `watch`: a subscription to `$all` from its end, yielding once it is requested
   * and then once per event it pushes. The server sends events only once committed and
   * readable, so no second look is needed. The events themselves come over the wire anyway
   * (KurrentDB has no positions-only subscription) but are not decoded. An append while the
   * server is still setting the subscription up yields nothing; the caller's own polling (the
   * projector's idle poll) covers that moment. Written against the client's API and the
   * contract suite's in-memory client: no KurrentDB server was at hand to run it.
   */
  async *watch(options: WatchOptions = {}): AsyncIterable<void> {
    for await (const _event of this.subscribeToAll(END, options.signal)) yield;
  }

  /**
   * This system's events in `$all` after `fromPosition`, live, until `signal` aborts; first
   * SUBSCRIBED, once the subscription is requested (what was appended before is the caller's
   * to read).
   */
  private async *subscribeToAll(
    fromPosition: Position | typeof START | typeof END,
    signal: AbortSignal | undefined,
  ): AsyncIterable<AllStreamRecordedEvent | typeof SUBSCRIBED> {
    if (signal?.aborted) return;
    const subscription = this.client.subscribeToAll({
      fromPosition,
      filter: streamNameFilter({ prefixes: this.prefixes }),
    });
    const stop = () => void subscription.unsubscribe();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      yield SUBSCRIBED;
      for await (const resolved of subscription) {
        if (signal?.aborted) return;
        if (resolved.event) yield resolved.event;
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
    await inTurns(await this.readStreamRaw(streamId, undefined, 0n), (event) =>
      verifier.add(toStoredEvent(event)),
    );
    return verifier.report();
  }

  async verifyAll(options?: VerifyOptions): Promise<VerificationReport> {
    // Streams interleave in $all; the verifier keeps one head per stream, never the events.
    const verifier = new ChainVerifier();
    let from: Position | undefined;
    for (;;) {
      const page = await this.readAllPage(from, 1_000);
      if (page.length === 0) return verifier.report();
      await inTurns(page, (event) => verifier.add(toStoredEvent(event)), options?.signal);
      options?.onChecked?.(page.length);
      from = page[page.length - 1].position;
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** The head new events chain onto; undefined when the stream must not (or does not) exist. */
  private async headFor(streamId: string, expected: ExpectedRevision): Promise<KurrentHead | undefined> {
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
  ): Promise<KurrentHead | undefined> {
    try {
      for await (const resolved of this.client.readStream(streamId, {
        ...fresh,
        ...at,
        maxCount: 1,
        deadline: this.deadline,
      })) {
        if (!resolved.event) continue;
        const { hash } = decodeMetadata(resolved.event.metadata);
        return { revision: resolved.event.revision, hash: hash ?? GENESIS_HASH, eventId: resolved.event.id };
      }
      return undefined;
    } catch (error) {
      const mapped = mapKurrentError(error, { streamId });
      if ((mapped as { code?: string }).code === 'stream_not_found') return undefined;
      throw mapped;
    }
  }

  private async readStreamRaw(
    streamId: string,
    toRevision: bigint | undefined,
    fromRevision: bigint,
  ): Promise<KurrentRecordedEvent[]> {
    const events: KurrentRecordedEvent[] = [];
    if (toRevision !== undefined && toRevision < fromRevision) return events;
    try {
      const maxCount = toRevision === undefined ? undefined : toRevision - fromRevision + 1n;
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: fromRevision === 0n ? START : fromRevision,
        direction: FORWARDS,
        maxCount,
        deadline: this.deadline,
      })) {
        if (resolved.event) events.push(resolved.event);
      }
    } catch (error) {
      throw mapKurrentError(error, { streamId });
    }
    return events;
  }

  /** One page of $all after `from` (KurrentDB reads $all inclusively; the event at `from` is dropped). */
  private async readAllPage(
    from: Position | undefined,
    batchSize: number,
  ): Promise<AllStreamRecordedEvent[]> {
    const events: AllStreamRecordedEvent[] = [];
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

  private toRecordedEvent(event: KurrentRecordedEvent): RecordedEvent {
    if (!event.position) throw new Error(`KurrentDB event ${event.id} has no $all position`);
    const recorded: RecordedEvent = {
      streamId: event.streamId,
      revision: event.revision,
      globalPosition: event.position.commit,
      checkpoint: formatKurrentCheckpoint(event.position),
      eventId: event.id,
      type: event.type,
      data: event.data as EventData,
      metadata: decodeMetadata(event.metadata),
      recordedAt: event.created,
    };
    return this.upcasters.isEmpty ? recorded : this.upcasters.upcast(recorded);
  }
}

/** The stored form the hashes cover: the envelope decoded, never upcast. */
function toStoredEvent(event: KurrentRecordedEvent): StoredEvent {
  return {
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.id,
    type: event.type,
    data: event.data as EventData,
    metadata: { ...decodeMetadata(event.metadata) },
  };
}
