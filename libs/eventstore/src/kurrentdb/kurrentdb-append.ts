import {
  ErrorType,
  jsonEvent,
  NO_STREAM,
  type AppendStreamState,
  type Position,
} from '@kurrent/kurrentdb-client';
import { validateAppends } from '../append-validation';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import type {
  AppendManyOptions,
  AppendManyResult,
  ExpectedRevision,
  NewEvent,
  StreamAppend,
  StreamExpectation,
} from '../event-store';
import { chainEvents, GENESIS_HASH } from '../hash-chain';
import { formatKurrentCheckpoint } from './kurrentdb-checkpoint';
import type { KurrentClient } from './kurrentdb-client';
import { mapKurrentError } from './kurrentdb-errors';
import { encodeFlatMetadata } from './kurrentdb-metadata';

/** `any` appends racing other writers: retry this often before giving up. */
const MAX_ANY_ATTEMPTS = 5;

/** A stream's last event as far as appending needs it. */
export interface KurrentHead {
  readonly revision: bigint;
  readonly hash: string;
  readonly eventId: string;
}

export interface PreparedAppend {
  readonly streamId: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly NewEvent[];
  /** The event the new ones chain onto; undefined = the stream must not exist. */
  readonly head: KurrentHead | undefined;
}

type StoredOutcome =
  | { readonly kind: 'absent' }
  | { readonly kind: 'partial'; readonly eventIds: string[] }
  | { readonly kind: 'stored'; readonly revision: bigint; readonly position: Position };

/**
 * The write side of the KurrentDB adapter. One stream: appendToStream. Several streams:
 * multiStreamAppend (KurrentDB 25.1+), atomic across them. The hashes are chained onto
 * each stream's head before writing and the exact head is the expected revision sent, so
 * a concurrent writer makes the write fail instead of breaking a chain.
 *
 * Retries are recognised here, not left to the server's idempotency (which does not
 * cover every case, e.g. an `any` append whose events are already the stream's last):
 * when the events with the same ids are found where they were sent, the answer is the
 * one the first append got, read back from the stored events.
 */
export class KurrentAppender {
  constructor(
    private readonly client: KurrentClient,
    private readonly headOf: (
      streamId: string,
      expected: ExpectedRevision,
    ) => Promise<KurrentHead | undefined>,
    private readonly deadline: number,
    /** A stream's last revision; undefined when it does not exist. */
    private readonly lastRevisionOf: (streamId: string) => Promise<bigint | undefined>,
  ) {}

  /**
   * Streams expected unchanged are read just before the write: KurrentDB's appends cannot
   * name a stream without writing to it, so, unlike PostgreSQL, the check is not atomic
   * with the write (a change in between goes unnoticed, as it would after a plain read).
   */
  async appendMany(
    appends: readonly StreamAppend[],
    options: AppendManyOptions = {},
  ): Promise<AppendManyResult> {
    validateAppends(appends, options);
    for (let attempt = 1; ; attempt += 1) {
      const prepared = await Promise.all(
        appends.map(async ({ streamId, events, expectedRevision }) => ({
          streamId,
          events,
          expectedRevision,
          head: await this.headOf(streamId, expectedRevision),
        })),
      );
      if (prepared.some(headIsOneOfItsEvents)) {
        const stored = await this.findStored(prepared);
        if (stored) return stored;
      }
      const moved = await this.firstMoved(options.unchanged ?? []);
      if (moved) {
        const stored = await this.findStored(prepared);
        if (stored) return stored;
        throw moved;
      }
      let conflict: unknown;
      try {
        return await this.write(prepared);
      } catch (error) {
        if ((error as { type?: unknown } | null)?.type !== ErrorType.WRONG_EXPECTED_VERSION)
          throw mapKurrentError(error);
        conflict = error;
      }
      const stored = await this.findStored(prepared);
      if (stored) return stored;
      const streamName = (conflict as { streamName?: string }).streamName;
      const request = prepared.find((item) => item.streamId === streamName) ?? prepared[0];
      if (request.expectedRevision === 'any' && attempt < MAX_ANY_ATTEMPTS) continue;
      throw mapKurrentError(conflict, {
        streamId: request.streamId,
        expectedRevision: request.expectedRevision,
      });
    }
  }

  private async firstMoved(
    unchanged: readonly StreamExpectation[],
  ): Promise<WrongExpectedRevisionError | undefined> {
    const actual = await Promise.all(unchanged.map(({ streamId }) => this.lastRevisionOf(streamId)));
    const index = unchanged.findIndex(({ expectedRevision }, at) =>
      expectedRevision === 'no_stream'
        ? actual[at] !== undefined
        : actual[at] === undefined || actual[at] !== BigInt(expectedRevision),
    );
    if (index < 0) return undefined;
    const { streamId, expectedRevision } = unchanged[index];
    return new WrongExpectedRevisionError(streamId, expectedRevision, actual[index] ?? 'no_stream');
  }

  private async write(prepared: readonly PreparedAppend[]): Promise<AppendManyResult> {
    const writes = prepared.map((item) => ({
      item,
      streamState: streamStateOf(item),
      chained: chainEvents(
        item.streamId,
        item.head ? item.head.revision : -1n,
        item.head ? item.head.hash : GENESIS_HASH,
        item.events,
      ),
    }));
    if (writes.length === 1) {
      const [{ item, streamState, chained }] = writes;
      const result = await this.client.appendToStream(
        item.streamId,
        chained.map(({ eventId, type, data, metadata }) =>
          jsonEvent({ id: eventId, type, data, metadata: { ...metadata } }),
        ),
        { streamState, deadline: this.deadline },
      );
      if (result.position) {
        const position = formatKurrentCheckpoint(result.position);
        return {
          streams: [{ streamId: item.streamId, nextRevision: result.nextExpectedRevision, position }],
          position,
        };
      }
    } else {
      await this.client.multiStreamAppend(
        writes.map(({ item, streamState, chained }) => ({
          streamName: item.streamId,
          expectedState: streamState,
          events: chained.map(({ eventId, type, data, metadata }) =>
            jsonEvent({ id: eventId, type, data, metadata: encodeFlatMetadata(metadata) }),
          ),
        })),
      );
    }
    // multiStreamAppend answers one log position for the whole write (and appendToStream
    // may answer none): each stream's checkpoint comes from its last event, read back.
    const stored = await this.findStored(prepared);
    if (!stored)
      throw new Error(`KurrentDB acknowledged the append to ${prepared[0].streamId} but does not show it`);
    return stored;
  }

  /**
   * The result of an earlier append of these very events, if each stream holds them where
   * they were sent; undefined if none is stored; DuplicateEventIdError if only some are.
   */
  async findStored(prepared: readonly PreparedAppend[]): Promise<AppendManyResult | undefined> {
    const outcomes = await Promise.all(prepared.map((item) => this.storedOutcome(item)));
    if (outcomes.every((outcome) => outcome.kind === 'absent')) return undefined;
    const streams = [];
    for (const [index, outcome] of outcomes.entries()) {
      const { streamId, events } = prepared[index];
      if (outcome.kind !== 'stored')
        throw new DuplicateEventIdError(
          streamId,
          outcome.kind === 'partial' ? outcome.eventIds : events.map((event) => event.eventId),
        );
      streams.push({ streamId, nextRevision: outcome.revision, position: outcome.position });
    }
    const last = streams.reduce((max, stream) =>
      comparePositions(stream.position, max.position) > 0 ? stream : max,
    );
    return {
      streams: streams.map(({ streamId, nextRevision, position }) => ({
        streamId,
        nextRevision,
        position: formatKurrentCheckpoint(position),
      })),
      position: formatKurrentCheckpoint(last.position),
    };
  }

  private async storedOutcome(item: PreparedAppend): Promise<StoredOutcome> {
    const eventIds = item.events.map((event) => event.eventId);
    const from = storedFrom(item, eventIds);
    const found: Array<{ id: string; revision: bigint; position?: Position }> = [];
    try {
      for await (const resolved of this.client.readStream(item.streamId, {
        fromRevision: from,
        maxCount: eventIds.length,
        deadline: this.deadline,
      })) {
        if (resolved.event) found.push(resolved.event);
      }
    } catch (error) {
      const mapped = mapKurrentError(error, { streamId: item.streamId });
      if ((mapped as { code?: string }).code !== 'stream_not_found') throw mapped;
    }
    const matching = found.filter((event, index) => event.id === eventIds[index]);
    if (matching.length === 0) return { kind: 'absent' };
    if (matching.length < eventIds.length)
      return { kind: 'partial', eventIds: matching.map((event) => event.id) };
    const last = found[found.length - 1];
    if (!last.position) throw new Error(`KurrentDB event ${last.id} has no $all position`);
    return { kind: 'stored', revision: last.revision, position: last.position };
  }
}

/** Always an exact state: the hashes were chained onto exactly this head. */
function streamStateOf(item: PreparedAppend): AppendStreamState {
  return item.head ? item.head.revision : NO_STREAM;
}

/** The head is one of the events being appended: this append may well be a retry. */
function headIsOneOfItsEvents(item: PreparedAppend): boolean {
  return item.head !== undefined && item.events.some((event) => event.eventId === item.head?.eventId);
}

/** Where the events would be if this append was already made. */
function storedFrom(item: PreparedAppend, eventIds: readonly string[]): bigint {
  if (!item.head) return 0n;
  const index = eventIds.indexOf(item.head.eventId);
  if (index < 0) return item.head.revision + 1n;
  const from = item.head.revision - BigInt(index);
  return from < 0n ? 0n : from;
}

function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
