import { ErrorType, NO_STREAM } from '@kurrent/kurrentdb-client';
import {
  EventStoreServerUnsupportedError,
  EventStoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../errors';
import type { ExpectedRevision } from '../event-store';

// gRPC status codes the client sometimes leaves unconverted (seen on appends to an unreachable server).
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

const UNAVAILABLE_TYPES = new Set<string>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
]);

export interface KurrentErrorContext {
  readonly streamId?: string;
  readonly expectedRevision?: ExpectedRevision;
}

/** Translates the client's errors into the port's; anything unknown passes through unchanged. */
export function mapKurrentError(error: unknown, context: KurrentErrorContext = {}): unknown {
  // Shape, not instanceof: gRPC errors may come from another realm (e.g. under Jest).
  if (typeof error !== 'object' || error === null) return error;
  const type = (error as { type?: unknown }).type;
  if (type === ErrorType.WRONG_EXPECTED_VERSION) {
    const details = error as { streamName?: string; actualState?: bigint | typeof NO_STREAM };
    const actual =
      details.actualState === undefined || details.actualState === NO_STREAM
        ? 'no_stream'
        : BigInt(details.actualState);
    return new WrongExpectedRevisionError(
      details.streamName ?? context.streamId ?? '',
      context.expectedRevision ?? 'any',
      actual,
    );
  }
  if (type === ErrorType.STREAM_NOT_FOUND || type === ErrorType.NO_STREAM) {
    return new StreamNotFoundError((error as { streamName?: string }).streamName || context.streamId || '');
  }
  if (type === ErrorType.UNSUPPORTED) {
    // Startup refuses such a server; this is a server replaced by an older one since.
    const { feature, minimumVersion } = error as { feature?: string; minimumVersion?: string };
    return new EventStoreServerUnsupportedError(
      feature ?? 'this operation',
      minimumVersion ?? '?',
      'unknown',
    );
  }
  const grpcCode = (error as { code?: unknown }).code;
  if (
    (typeof type === 'string' && UNAVAILABLE_TYPES.has(type)) ||
    grpcCode === GRPC_UNAVAILABLE ||
    grpcCode === GRPC_DEADLINE_EXCEEDED
  ) {
    return new EventStoreUnavailableError(
      `KurrentDB unavailable: ${String((error as { message?: unknown }).message)}`,
      { cause: error },
    );
  }
  return error;
}
