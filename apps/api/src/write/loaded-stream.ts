import type { EventStore, ExpectedRevision, RecordedEvent } from '@l10k/eventstore';
import { StreamNotFoundError } from '@l10k/eventstore';

/** A stream folded into its state, with the revision to expect when appending to it. */
export interface LoadedStream<State> {
  readonly streamId: string;
  readonly state: State;
  /** `'no_stream'` before the first event, else the last revision. */
  readonly revision: ExpectedRevision;
  readonly events: readonly RecordedEvent[];
}

export async function loadStream<State>(
  store: EventStore,
  streamId: string,
  fold: (events: readonly { type: string; data: unknown }[]) => State,
): Promise<LoadedStream<State>> {
  try {
    const events = await store.readStream(streamId);
    return { streamId, state: fold(events), revision: events[events.length - 1].revision, events };
  } catch (error) {
    if (error instanceof StreamNotFoundError)
      return { streamId, state: fold([]), revision: 'no_stream', events: [] };
    throw error;
  }
}

/** The revision as the HTTP answer shows it (ETag, `revision`): -1 for a stream without events. */
export const revisionNumber = (revision: ExpectedRevision): number =>
  revision === 'no_stream' || revision === 'any' ? -1 : Number(revision);
