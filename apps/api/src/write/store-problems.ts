import {
  DuplicateEventIdError,
  EventStoreServerUnsupportedError,
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
} from '@l10k/eventstore';
import { ProblemException, problem } from '../problem-details';
import { staleRevision } from './stale-revision';

/** Event-store failures as answers; anything else is rethrown untouched. */
export function storeProblem(error: unknown): ProblemException | undefined {
  if (error instanceof WrongExpectedRevisionError) {
    const message = `The resource changed since revision ${String(error.expected)}; it is now at ${String(error.actual)}. Read it again and retry.`;
    return staleRevision(message);
  }
  if (error instanceof EventStoreUnavailableError) {
    return new ProblemException(
      problem(
        503,
        'The event store is unreachable; nothing was written. Retry later.',
        [],
        'event-store-unavailable',
      ),
    );
  }
  if (error instanceof DuplicateEventIdError) {
    const message = 'This Idempotency-Key was already used for a different write.';
    return new ProblemException(
      problem(
        422,
        message,
        [{ field: 'Idempotency-Key', rule: 'idempotency_key_reused', message }],
        'idempotency-key-reused',
      ),
    );
  }
  // Startup refuses a KurrentDB older than 25.1; this only answers if the server was
  // replaced by an older one while the API kept running.
  if (error instanceof EventStoreServerUnsupportedError) {
    return new ProblemException(problem(501, error.message, [], 'not-supported-by-event-store'));
  }
  return undefined;
}
