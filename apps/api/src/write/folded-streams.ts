import { Inject, Injectable } from '@nestjs/common';
import { evolveStream, foldStream, streamIdOf, type StreamRef, type StreamStateOfKind } from '@l10k/domain';
import { EVENT_STORE, StreamNotFoundError, type EventStore, type RecordedEvent } from '@l10k/eventstore';
import { emptyStream, type LoadedStream } from './loaded-stream';

/**
 * Fiscal years are few; applications many, but a write usually follows the one before it
 * on the same stream within seconds (a draft, then its submission): the most recent stay.
 */
const MAX_KEPT = 4_096;

interface Fold {
  readonly state: StreamStateOfKind[StreamRef['kind']];
  readonly revision: bigint;
}

/**
 * The streams this process has read or written lately, kept folded. Events never change
 * once written, so a fold at revision N stays true; what may be missing is what other
 * processes wrote since. Two ways to use a fold:
 * - `load` reads only the events after it (one indexed query that usually answers nothing);
 * - `kept` takes it as it is, without reading: the pipeline then has the append confirm it
 *   (the streams it writes at their expected revisions, the others expected unchanged) and
 *   decides again on reads if the append finds it stale or the decision would not append.
 * Either way an adoption's commitment is as atomic as before.
 */
@Injectable()
export class FoldedStreams {
  private readonly folds = new Map<string, Fold>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The kept fold as a loaded stream, without reading; undefined when none is kept. */
  kept<Ref extends StreamRef>(ref: Ref): LoadedStream<Ref> | undefined {
    const streamId = streamIdOf(ref);
    const fold = this.folds.get(streamId);
    if (fold === undefined) return undefined;
    this.touch(streamId, fold);
    return {
      ref,
      streamId,
      state: fold.state as StreamStateOfKind[Ref['kind']],
      revision: fold.revision,
      events: [],
      kept: true,
    };
  }

  /** The stream as the store holds it now: the kept fold carried on with the events after it. */
  async load<Ref extends StreamRef>(ref: Ref): Promise<LoadedStream<Ref>> {
    const streamId = streamIdOf(ref);
    const kept = this.folds.get(streamId);
    const events = await this.read(streamId, kept ? kept.revision + 1n : undefined);
    if (events === undefined) return emptyStream(ref);
    const state = kept
      ? evolveStream(ref, kept.state as StreamStateOfKind[Ref['kind']], events)
      : foldStream(ref, events);
    const last = events[events.length - 1];
    const revision = last ? last.revision : kept!.revision;
    this.keep(ref, state, revision);
    return { ref, streamId, state, revision, events };
  }

  /** The whole stream, every event in `events` (an idempotent repeat looks for its own). */
  async loadWhole<Ref extends StreamRef>(ref: Ref): Promise<LoadedStream<Ref>> {
    const streamId = streamIdOf(ref);
    const events = await this.read(streamId, undefined);
    if (events === undefined || events.length === 0) return emptyStream(ref);
    const state = foldStream(ref, events);
    const revision = events[events.length - 1].revision;
    this.keep(ref, state, revision);
    return { ref, streamId, state, revision, events };
  }

  /** A state the process wrote itself (the append answered this revision). Concurrent writers may finish out of order: the furthest fold stays. */
  keep<Ref extends StreamRef>(ref: Ref, state: StreamStateOfKind[Ref['kind']], revision: bigint): void {
    const streamId = streamIdOf(ref);
    const current = this.folds.get(streamId);
    if (current && current.revision >= revision) return;
    this.touch(streamId, { state, revision });
    if (this.folds.size > MAX_KEPT) this.folds.delete(this.folds.keys().next().value!);
  }

  /** Undefined: no such stream. */
  private async read(
    streamId: string,
    fromRevision: bigint | undefined,
  ): Promise<RecordedEvent[] | undefined> {
    try {
      return await this.store.readStream(streamId, fromRevision === undefined ? {} : { fromRevision });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  /** Map order is the eviction order: the most recently used last. */
  private touch(streamId: string, fold: Fold): void {
    this.folds.delete(streamId);
    this.folds.set(streamId, fold);
  }
}
