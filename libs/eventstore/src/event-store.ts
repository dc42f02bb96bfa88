/**
 * The event store port. Both adapters (PostgreSQL, KurrentDB) implement it and run the
 * same contract suite (libs/eventstore/test/event-store.contract.ts).
 */

export interface Actor {
  readonly sub: string;
  readonly role: string;
  readonly municipalityCode?: string;
}

/** What the caller supplies; the store adds `prevHash` and `hash`. */
export interface EventMetadataInput {
  readonly schemaVersion: number;
  /** ISO-8601 instant, supplied by the command (the store never invents business time). */
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
  readonly ruleSetId?: string;
  readonly provisional?: boolean;
}

export interface EventMetadata extends EventMetadataInput {
  readonly prevHash: string;
  readonly hash: string;
}

export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type EventData = { readonly [key: string]: JsonValue };

export interface NewEvent {
  /** A uuid chosen by the caller: sending the same ids again is a retry, answered without writing. */
  readonly eventId: string;
  readonly type: string;
  readonly data: EventData;
  readonly metadata: EventMetadataInput;
}

/**
 * Where a reader stands in the global log: opaque, adapter-specific, safe to store as text.
 * Reading from a checkpoint yields the events strictly after it.
 */
export type Checkpoint = string;

/** Of an event's metadata, what a projection reads: when it happened, and the schema version (for upcasting). */
export type ProjectedMetadata = Pick<EventMetadata, 'occurredAt' | 'schemaVersion'>;

/**
 * What a projection reads of an event (readAllProjected): its place in the log, its content,
 * and of its metadata the instant and the schema version. A RecordedEvent is one too.
 */
export interface ProjectedEvent {
  readonly streamId: string;
  /** 0 for a stream's first event. */
  readonly revision: bigint;
  /** PostgreSQL: the sequence value; KurrentDB: the commit position. Not gap-free, not the order by itself. */
  readonly globalPosition: bigint;
  /** PostgreSQL only: the writing transaction; together with globalPosition it is the global order. */
  readonly transactionId?: bigint;
  /** Resume point right after this event. */
  readonly checkpoint: Checkpoint;
  readonly type: string;
  readonly data: EventData;
  readonly metadata: ProjectedMetadata;
}

export interface RecordedEvent extends ProjectedEvent {
  readonly eventId: string;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}

/** `'no_stream'`: the stream must not exist; `'any'`: no check; a number: the stream's last revision. */
export type ExpectedRevision = 'no_stream' | 'any' | bigint | number;

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** The stream's last revision after the append: pass it as the next expectedRevision. */
  readonly nextRevision: bigint;
  /** Checkpoint of the last appended event. */
  readonly position: Checkpoint;
}

export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: ExpectedRevision;
}

/** A stream an append depends on without writing to it: it must still be at this revision. */
export interface StreamExpectation {
  readonly streamId: string;
  /** `'no_stream'` or the stream's last revision; `'any'` would expect nothing and is refused. */
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendManyOptions {
  /**
   * Streams the decision read but does not write (a creation reads the fiscal year's intake
   * and budget): the append is made only if each is still at the revision the decision saw,
   * else it fails with WrongExpectedRevisionError naming that stream, and writes nothing.
   * Nothing is written to these streams.
   */
  readonly unchanged?: readonly StreamExpectation[];
}

export interface AppendManyResult {
  /** One per request, in request order. */
  readonly streams: ReadonlyArray<{ readonly streamId: string } & AppendResult>;
  readonly position: Checkpoint;
}

export interface ReadStreamOptions {
  /**
   * First revision to include: a caller that has folded the stream up to revision N reads
   * from N + 1 (an empty answer then means nothing new, not a missing stream).
   */
  readonly fromRevision?: bigint | number;
  /** Last revision to include. */
  readonly toRevision?: bigint | number;
  /** Include only events recorded at or before this instant (the prefix of the stream up to it). */
  readonly toInstant?: Date;
}

export interface ReadAllOptions {
  /** Omitted: from the beginning of the log. */
  readonly from?: Checkpoint;
  readonly batchSize?: number;
}

export interface SubscribeOptions {
  readonly from?: Checkpoint;
  /** Ends the subscription: the iterator then finishes normally. */
  readonly signal?: AbortSignal;
  readonly batchSize?: number;
}

export interface WatchOptions {
  /** Ends the watch: the iterator then finishes normally. */
  readonly signal?: AbortSignal;
}

export interface VerifyOptions {
  /**
   * Abandons the verification (its promise rejects with the signal's reason): an auditor who
   * went away before the answer does not leave the whole log being hashed for nobody.
   */
  readonly signal?: AbortSignal;
  /** Told how many more events were checked, a page at a time as the walk goes: for a progress bar. */
  readonly onChecked?: (events: number) => void;
}

export type IntegrityFailureReason =
  /** The stored hash is not the hash of the stored content. */
  | 'hash_mismatch'
  /** The event does not point at its predecessor's hash. */
  | 'prev_hash_mismatch'
  /** A revision is missing (or out of place) in the stream. */
  | 'revision_gap'
  /** The stream's head says more events were written than are stored, or a different last hash. */
  | 'head_mismatch';

export interface IntegrityFailure {
  readonly streamId: string;
  readonly revision: bigint;
  readonly eventId?: string;
  readonly reason: IntegrityFailureReason;
}

/** Exactly the body of the API's `POST /v1/audit/verifications` (bigints serialise as strings there). */
export interface VerificationReport {
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  readonly ok: boolean;
  readonly failures: IntegrityFailure[];
}

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** All or nothing across streams (adoption writes the application and the fiscal-year budget stream). */
  appendMany(appends: readonly StreamAppend[], options?: AppendManyOptions): Promise<AppendManyResult>;
  /** Throws StreamNotFoundError when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The whole log in global order, in batches; ends at the current end of the log. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent[]>;
  /**
   * The log as readAll reads it, the same events in the same batches, with of each event only
   * what a projection reads (ProjectedEvent). An adapter leaves out the rest where that reads
   * less: the hash chain, the actor and the correlation are half of an event's bytes, and a
   * projection's rebuild reads every event of the log.
   */
  readAllProjected(options?: ReadAllOptions): AsyncIterable<ProjectedEvent[]>;
  /** Catch-up from `from`, then live, until `signal` aborts. */
  subscribe(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;
  /**
   * Wake-ups for a reader that reads the log itself (readAll from where it stands): yields once
   * at the start, then whenever the log may have grown, until `signal` aborts or the store
   * closes. Carries no events and reads none where the adapter can avoid it, unlike `subscribe`.
   * A hint, not a count: a yield may find nothing new, and the adapter yields again soon
   * after one whose events a read cannot see yet (PostgreSQL: behind the visible frontier).
   */
  watch(options?: WatchOptions): AsyncIterable<void>;
  verifyStream(streamId: string): Promise<VerificationReport>;
  verifyAll(options?: VerifyOptions): Promise<VerificationReport>;
  close(): Promise<void>;
}
