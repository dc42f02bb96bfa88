import type { ExpectedRevision } from './event-store';

/** Base of every error the port throws; `code` is stable and is what the API's error mapper switches on. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'wrong_expected_revision';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, or `'no_stream'` when it does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'event_store_unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'stream_not_found';
  constructor(readonly streamId: string) {
    super(`stream ${streamId} does not exist`);
    this.name = 'StreamNotFoundError';
  }
}

/** The same event id was sent again with different content or to a different place: not a retry. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'duplicate_event_id';
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(
      `stream ${streamId}: event ids already used elsewhere or only partly stored: ${eventIds.join(', ')}`,
    );
    this.name = 'DuplicateEventIdError';
  }
}

/** The KurrentDB server is too old for what this system needs (multi-stream append needs 25.1). */
export class EventStoreServerUnsupportedError extends EventStoreError {
  readonly code = 'event_store_server_unsupported';
  constructor(
    /** What the server lacks, e.g. `multi-stream append`. */
    readonly feature: string,
    readonly requiredVersion: string,
    /** As the server reports it; `unknown` when it does not say. */
    readonly serverVersion: string,
  ) {
    const server = serverVersion === 'unknown' ? 'server (version not reported)' : serverVersion;
    super(
      `KurrentDB ${server} does not support ${feature}: KurrentDB ${requiredVersion} or later is required`,
    );
    this.name = 'EventStoreServerUnsupportedError';
  }
}

export class InvalidCheckpointError extends EventStoreError {
  readonly code = 'invalid_checkpoint';
  constructor(readonly checkpoint: string) {
    super(`not a checkpoint of this event store: ${JSON.stringify(checkpoint)}`);
    this.name = 'InvalidCheckpointError';
  }
}
