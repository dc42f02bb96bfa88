import {
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  BACKWARDS,
  StreamNotFoundError,
  UnsupportedError,
  WrongExpectedVersionError,
  type AllStreamRecordedEvent,
  type AppendResult,
  type AppendStreamRequest,
  type AppendStreamState,
  type AppendToStreamOptions,
  type EventData,
  type MultiAppendResult,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import type {
  KurrentClient,
  KurrentServerFeatures,
  KurrentSubscription,
} from '../src/kurrentdb/kurrentdb-client';

type StoredRecord = AllStreamRecordedEvent;

/**
 * An in-memory model of the KurrentDB server behind the adapter's narrow client
 * interface, for unit tests (no KurrentDB server runs on these machines). What it
 * models, as documented for KurrentDB 25.1 and client 1.3:
 * - expected states checked before anything is written; a wrong one fails the whole
 *   write with the client's WrongExpectedVersionError (stream, expected, actual);
 * - multiStreamAppend all or nothing, refusing metadata that is not a flat object of
 *   strings (the client's own check, same message), adding `$schema.name` and
 *   `$schema.format` to each event's metadata as the server does;
 * - $all positions (commit, prepare): one commit position per write, one prepare
 *   position per event; readAll reads from a position inclusively, subscribeToAll
 *   exclusively, both filtered by stream-name prefixes.
 * It deliberately does not deduplicate retried event ids: the adapter must not rely on it.
 */
export class InMemoryKurrentClient implements KurrentClient {
  private readonly log: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly wakers = new Set<() => void>();
  private nextLogPosition = 1_000n;
  private replyToLose: Error | undefined;
  /** Every multiStreamAppend request, as the adapter sent it. */
  readonly multiStreamAppends: AppendStreamRequest[][] = [];
  disposed = false;

  constructor(
    private readonly features: KurrentServerFeatures = { version: '25.1.0', multiStreamAppend: true },
  ) {}

  /** The next write is stored, but the caller gets `error` instead of the reply (a lost connection). */
  loseNextReply(error: Error): void {
    this.replyToLose = error;
  }

  /** Rewrites a stored event's metadata behind the store's back (tamper tests). */
  tamper(
    streamName: string,
    revision: bigint,
    change: (metadata: Record<string, string>) => Record<string, string>,
  ): void {
    const record = this.streams.get(streamName)?.find((candidate) => candidate.revision === revision);
    if (!record) throw new Error(`no event ${streamName}@${revision}`);
    (record as { metadata: unknown }).metadata = change(record.metadata as Record<string, string>);
  }

  async appendToStream(
    streamName: string,
    events: EventData[],
    options: AppendToStreamOptions,
  ): Promise<AppendResult> {
    this.checkState(streamName, options.streamState ?? 'any');
    const written = this.write([{ streamName, events, metadata: (event) => jsonCopy(event.metadata) }]);
    this.loseReplyIfAsked();
    const last = written[written.length - 1];
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  async multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult> {
    if (!this.features.multiStreamAppend) throw new UnsupportedError('multiStreamAppend', '25.1');
    this.multiStreamAppends.push(requests);
    for (const request of requests)
      for (const { metadata } of request.events)
        if (
          metadata != null &&
          (metadata.constructor === Uint8Array ||
            typeof metadata !== 'object' ||
            Array.isArray(metadata) ||
            Object.values(metadata).some((value) => typeof value !== 'string'))
        )
          throw new Error(
            'multiStreamAppend requires metadata to be a plain object with string keys and string values.',
          );
    for (const request of requests) this.checkState(request.streamName, request.expectedState);
    const written = this.write(
      requests.map(({ streamName, events }) => ({
        streamName,
        events,
        metadata: (event) => ({
          ...(event.metadata as Record<string, string>),
          '$schema.format': 'Json',
          '$schema.name': event.type,
        }),
      })),
    );
    this.loseReplyIfAsked();
    return {
      position: written[written.length - 1].position.commit,
      responses: requests.map(({ streamName }) => ({
        streamName,
        revision: BigInt(this.streams.get(streamName)!.length - 1),
      })),
    };
  }

  async *readStream(streamName: string, options: ReadStreamOptions): AsyncIterable<{ event?: StoredRecord }> {
    const stream = this.streams.get(streamName);
    if (!stream) throw new StreamNotFoundError(undefined, streamName);
    const backwards = options.direction === BACKWARDS;
    const from = options.fromRevision ?? (backwards ? END : START);
    let records = backwards ? [...stream].reverse() : stream;
    if (typeof from === 'bigint')
      records = records.filter((record) => (backwards ? record.revision <= from : record.revision >= from));
    else if ((from === START && backwards) || (from === END && !backwards)) records = [];
    for (const record of records.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)))
      yield { event: copyOf(record) };
  }

  async *readAll(options: ReadAllOptions): AsyncIterable<{ event?: StoredRecord }> {
    const from =
      options.fromPosition === undefined || options.fromPosition === START ? undefined : options.fromPosition;
    if (from === END) return;
    const prefixes = prefixesOf(options.filter);
    const records = this.log.filter(
      (record) => (!from || comparePositions(record.position, from) >= 0) && matches(record, prefixes),
    );
    for (const record of records.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)))
      yield { event: copyOf(record) };
  }

  subscribeToAll(options: SubscribeToAllOptions): KurrentSubscription {
    const prefixes = prefixesOf(options.filter);
    // END: what is appended from now on (an empty log's end is its start).
    let cursor: Position | undefined =
      options.fromPosition === undefined || options.fromPosition === START
        ? undefined
        : options.fromPosition === END
          ? this.log.at(-1)?.position
          : options.fromPosition;
    let stopped = false;
    let wake: (() => void) | undefined;
    const waker = () => wake?.();
    this.wakers.add(waker);
    const log = this.log;
    const wakers = this.wakers;
    const events = async function* (): AsyncGenerator<{ event?: StoredRecord }> {
      try {
        while (!stopped) {
          const pending = log.filter(
            (record) =>
              (!cursor || comparePositions(record.position, cursor) > 0) && matches(record, prefixes),
          );
          for (const record of pending) {
            if (stopped) return;
            yield { event: copyOf(record) };
            cursor = record.position;
          }
          if (pending.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        wakers.delete(waker);
      }
    };
    const iterator = events();
    return {
      [Symbol.asyncIterator]: () => iterator,
      unsubscribe: async () => {
        stopped = true;
        wake?.();
      },
    };
  }

  async serverFeatures(): Promise<KurrentServerFeatures> {
    return this.features;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  private checkState(streamName: string, expected: AppendStreamState): void {
    const stream = this.streams.get(streamName);
    const current = stream ? BigInt(stream.length - 1) : undefined;
    const ok =
      expected === 'any' ||
      (expected === NO_STREAM && current === undefined) ||
      (expected === STREAM_EXISTS && current !== undefined) ||
      (typeof expected === 'bigint' && expected === current);
    if (!ok)
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        expected,
        current: current ?? NO_STREAM,
      });
  }

  /** One write: every event gets its own prepare position, all share the write's commit position. */
  private write(
    parts: ReadonlyArray<{
      streamName: string;
      events: EventData[];
      metadata: (event: EventData) => unknown;
    }>,
  ): StoredRecord[] {
    const count = parts.reduce((sum, part) => sum + part.events.length, 0);
    const commit = this.nextLogPosition + BigInt(count - 1) * 100n;
    const created = new Date();
    const written: StoredRecord[] = [];
    for (const { streamName, events, metadata } of parts) {
      const stream = this.streams.get(streamName) ?? [];
      this.streams.set(streamName, stream);
      for (const event of events) {
        const record = {
          streamId: streamName,
          id: event.id,
          isJson: true,
          revision: BigInt(stream.length),
          type: event.type,
          created,
          data: jsonCopy(event.data),
          metadata: metadata(event),
          position: { commit, prepare: this.nextLogPosition },
        } as StoredRecord;
        this.nextLogPosition += 100n;
        stream.push(record);
        this.log.push(record);
        written.push(record);
      }
    }
    for (const waker of this.wakers) waker();
    return written;
  }

  private loseReplyIfAsked(): void {
    const error = this.replyToLose;
    this.replyToLose = undefined;
    if (error) throw error;
  }
}

/** What a read hands out: a copy, so that callers cannot change the log. */
function copyOf(record: StoredRecord): StoredRecord {
  return {
    ...record,
    created: new Date(record.created.getTime()),
    position: { ...record.position },
    data: jsonCopy(record.data),
    metadata: jsonCopy(record.metadata),
  } as StoredRecord;
}

function jsonCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function prefixesOf(filter: unknown): readonly string[] | undefined {
  return (filter as { prefixes?: string[] } | undefined)?.prefixes;
}

function matches(record: StoredRecord, prefixes: readonly string[] | undefined): boolean {
  return !prefixes || prefixes.some((prefix) => record.streamId.startsWith(prefix));
}

function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
