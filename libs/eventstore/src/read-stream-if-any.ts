import { StreamNotFoundError } from './errors';
import type { EventStore, ReadStreamOptions, RecordedEvent } from './event-store';

/**
 * A stream's events, or none when the stream has none: for readers to whom a missing
 * application and an empty range read the same (the state at an instant, a page of history).
 */
export async function readStreamIfAny(
  store: EventStore,
  streamId: string,
  options?: ReadStreamOptions,
): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(streamId, options);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}
