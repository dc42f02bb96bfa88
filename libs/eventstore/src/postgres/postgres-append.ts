import type { Pool } from 'pg';
import { isSatisfiedBy, validateAppends } from '../append-validation';
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
import type { AppendNotifier } from './append-notifier';
import { formatCheckpoint } from './checkpoint';
import { constraintName, mapPostgresError, sqlState } from './postgres-errors';
import {
  APPEND_SQL,
  FIND_STORED_SQL,
  READ_HEAD_SQL,
  WRONG_REVISION_SQLSTATE,
  type AppendRow,
  type ConflictDetail,
} from './sql';
import type { StreamHead, StreamHeadCache } from './stream-head-cache';
import { fresh } from '@l10k/rules';

/** Stale cached heads or `any` appends racing other writers: retry this often before giving up. */
const MAX_APPEND_ATTEMPTS = 5;

interface PreparedAppend {
  readonly streamId: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly NewEvent[];
  /** The head the events are chained onto; undefined = the stream must not exist. */
  readonly head: StreamHead | undefined;
}

/**
 * The write side of the PostgreSQL adapter: chains the hashes onto each stream's head
 * and hands everything to `eventstore_append` in one round trip; a retry of a stored
 * append is answered from the stored rows.
 */
export class PostgresAppender {
  constructor(
    private readonly pool: Pool,
    private readonly heads: StreamHeadCache,
    /** Undefined: the append function sends the NOTIFY inside its own transaction. */
    private readonly notifier: AppendNotifier | undefined,
  ) {}

  async appendMany(
    appends: readonly StreamAppend[],
    options: AppendManyOptions = {},
  ): Promise<AppendManyResult> {
    validateAppends(appends, options);
    const unchanged = options.unchanged ?? [];
    try {
      let prepared = await Promise.all(appends.map((request) => this.prepare(request)));
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await this.writeOnce(prepared, unchanged);
        } catch (error) {
          const retry = await this.resolveFailedAppend(error, prepared, unchanged, attempt);
          if ('result' in retry) return retry.result;
          prepared = retry.prepared;
        }
      }
    } catch (error) {
      throw mapPostgresError(error);
    }
  }

  /** Works out the head each append chains onto: from the cache when it can, else one read. */
  private async prepare(request: StreamAppend): Promise<PreparedAppend> {
    const { streamId, expectedRevision, events } = request;
    if (expectedRevision === 'no_stream') return { streamId, expectedRevision, events, head: undefined };
    const cached = this.heads.get(streamId);
    if (expectedRevision === 'any') {
      const head = cached ?? (await this.readHead(streamId));
      return { streamId, expectedRevision, events, head };
    }
    const expected = BigInt(expectedRevision);
    if (cached && cached.revision === expected) return { streamId, expectedRevision, events, head: cached };
    const head = await this.readHead(streamId);
    // A wrong revision still goes to the database: it may be a retry of an append that succeeded.
    return {
      streamId,
      expectedRevision,
      events,
      head: head && head.revision === expected ? head : { revision: expected, hash: GENESIS_HASH },
    };
  }

  private async writeOnce(
    prepared: readonly PreparedAppend[],
    unchanged: readonly StreamExpectation[],
  ): Promise<AppendManyResult> {
    // Checked first, before any stream row is locked (see the migration EventStoreAppendUnchangedStreams).
    const checks = unchanged.map(({ streamId, expectedRevision }) => ({
      streamId,
      expected: expectedRevision === 'no_stream' ? '-1' : BigInt(expectedRevision).toString(),
      unchanged: true,
      events: [],
    }));
    const payload = prepared.map(({ streamId, events, head }) => {
      const chained = chainEvents(
        streamId,
        head ? head.revision : -1n,
        head ? head.hash : GENESIS_HASH,
        events,
      );
      return {
        streamId,
        expected: head ? head.revision.toString() : '-1',
        prevHash: head ? head.hash : GENESIS_HASH,
        lastHash: chained[chained.length - 1].metadata.hash,
        events: chained.map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata })),
      };
    });
    const { rows } = await this.pool.query<AppendRow>({
      name: 'eventstore_append',
      text: APPEND_SQL,
      values: [JSON.stringify([...checks, ...payload]), this.notifier === undefined],
    });
    this.notifier?.appended();
    for (const item of payload)
      this.heads.remember(item.streamId, {
        revision: BigInt(item.expected) + BigInt(item.events.length),
        hash: item.lastHash,
      });
    return toAppendManyResult(prepared, rows);
  }

  /**
   * After a failed write: a retry of an already stored append is answered from the
   * stored rows; a stale cached head (or an `any` append that lost a race) is retried
   * with the database's head; a real conflict becomes WrongExpectedRevisionError.
   */
  private async resolveFailedAppend(
    error: unknown,
    prepared: readonly PreparedAppend[],
    unchanged: readonly StreamExpectation[],
    attempt: number,
  ): Promise<{ result: AppendManyResult } | { prepared: PreparedAppend[] }> {
    const state = sqlState(error);
    const duplicateId = state === '23505' && constraintName(error) === 'events_event_id_key';
    if (state !== WRONG_REVISION_SQLSTATE && !duplicateId) throw error;
    const conflict = duplicateId
      ? undefined
      : (JSON.parse((error as { detail?: string }).detail ?? '{}') as ConflictDetail);
    // The unchanged streams are checked before any written one: those heads are still good.
    const moved = unchanged.find((item) => item.streamId === conflict?.streamId);
    if (!moved) for (const item of prepared) this.heads.forget(item.streamId);
    const stored = await this.findStored(prepared);
    if (stored) return { result: stored };
    if (conflict === undefined) {
      throw new DuplicateEventIdError(
        prepared[0].streamId,
        prepared.flatMap((item) => item.events.map((event) => event.eventId)),
      );
    }
    if (moved) {
      throw new WrongExpectedRevisionError(
        moved.streamId,
        moved.expectedRevision,
        conflict.revision === null ? 'no_stream' : BigInt(conflict.revision),
      );
    }
    const request = prepared.find((item) => item.streamId === conflict.streamId) ?? prepared[0];
    const actual =
      conflict.revision === null
        ? undefined
        : { revision: BigInt(conflict.revision), hash: conflict.lastHash ?? GENESIS_HASH };
    if (!isSatisfiedBy(request.expectedRevision, actual) || attempt >= MAX_APPEND_ATTEMPTS) {
      throw new WrongExpectedRevisionError(
        request.streamId,
        request.expectedRevision,
        actual ? actual.revision : 'no_stream',
      );
    }
    return {
      prepared: prepared.map((item) => (item === request ? { ...fresh, ...item, head: actual } : item)),
    };
  }

  /** The result of an earlier identical append, if every one of its events is stored where it was sent. */
  private async findStored(prepared: readonly PreparedAppend[]): Promise<AppendManyResult | undefined> {
    const eventIds = prepared.flatMap((item) => item.events.map((event) => event.eventId));
    const { rows } = await this.pool.query<AppendRow & { event_id: string }>(FIND_STORED_SQL, [eventIds]);
    if (rows.length === 0) return undefined;
    const streamOf = new Map(
      prepared.flatMap((item) => item.events.map((event) => [event.eventId, item.streamId] as const)),
    );
    const complete =
      rows.length === eventIds.length && rows.every((row) => streamOf.get(row.event_id) === row.stream_id);
    if (!complete)
      throw new DuplicateEventIdError(
        prepared[0].streamId,
        rows.map((row) => row.event_id),
      );
    const perStream = new Map<string, AppendRow>();
    for (const row of rows) {
      const seen = perStream.get(row.stream_id);
      if (!seen || BigInt(row.stream_revision) > BigInt(seen.stream_revision))
        perStream.set(row.stream_id, row);
    }
    return toAppendManyResult(prepared, [...perStream.values()]);
  }

  private async readHead(streamId: string): Promise<StreamHead | undefined> {
    const { rows } = await this.pool.query<{ revision: string; last_hash: string }>({
      name: 'eventstore_read_head',
      text: READ_HEAD_SQL,
      values: [streamId],
    });
    return rows[0] ? { revision: BigInt(rows[0].revision), hash: rows[0].last_hash } : undefined;
  }
}

function toAppendManyResult(
  prepared: readonly PreparedAppend[],
  rows: readonly AppendRow[],
): AppendManyResult {
  const byStream = new Map(rows.map((row) => [row.stream_id, row]));
  const streams = prepared.map(({ streamId }) => {
    const row = byStream.get(streamId);
    if (!row) throw new Error(`append returned no row for stream ${streamId}`);
    return {
      streamId,
      nextRevision: BigInt(row.stream_revision),
      position: formatCheckpoint(row.transaction_id, row.global_position),
    };
  });
  const last = rows.reduce((max, row) =>
    BigInt(row.global_position) > BigInt(max.global_position) ? row : max,
  );
  return { streams, position: formatCheckpoint(last.transaction_id, last.global_position) };
}
