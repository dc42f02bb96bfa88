import { foldStream, streamIdOf, type StreamRef, type StreamStateOfKind } from '@l10k/domain';
import {
  readStreamIfAny,
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
} from '@l10k/eventstore';

/** A stream folded into its state, with the revision to expect when appending to it. */
export interface LoadedStream<Ref extends StreamRef = StreamRef> {
  readonly ref: Ref;
  readonly streamId: string;
  readonly state: StreamStateOfKind[Ref['kind']];
  /** `'no_stream'` before the first event, else the last revision. */
  readonly revision: ExpectedRevision;
  /** The events read: the whole stream, or for a stream carried on from a kept fold, those after it. */
  readonly events: readonly RecordedEvent[];
  /**
   * Taken from the fold this process kept, without reading (folded-streams.ts): it may lag
   * behind the store, so a decision on it stands only once an append confirms it.
   */
  readonly kept?: boolean;
}

/** A stream without events: the initial state, appended to expecting none. */
export const emptyStream = <Ref extends StreamRef>(ref: Ref): LoadedStream<Ref> => ({
  ref,
  streamId: streamIdOf(ref),
  state: foldStream(ref, []),
  revision: 'no_stream',
  events: [],
});

export async function loadStream<Ref extends StreamRef>(
  store: EventStore,
  ref: Ref,
): Promise<LoadedStream<Ref>> {
  const streamId = streamIdOf(ref);
  const events = await readStreamIfAny(store, streamId);
  if (events.length === 0) return emptyStream(ref);
  return {
    ref,
    streamId,
    state: foldStream(ref, events),
    revision: events[events.length - 1].revision,
    events,
  };
}

/** The revision as the HTTP answer shows it (ETag, `revision`): -1 for a stream without events. */
export const revisionNumber = (revision: ExpectedRevision): number =>
  revision === 'no_stream' || revision === 'any' ? -1 : Number(revision);
