import { Inject, Injectable } from '@nestjs/common';
import { evolveStream, foldStream, streamIdOf, type StreamRef, type StreamStateOfKind } from '@l10k/domain';
import { EVENT_STORE, StreamNotFoundError, type EventStore } from '@l10k/eventstore';
import { emptyStream, type LoadedStream } from './loaded-stream';

/** Fiscal years are few; a bound all the same. */
const MAX_KEPT = 64;

interface Fold {
  readonly state: StreamStateOfKind[StreamRef['kind']];
  readonly revision: bigint;
}

/**
 * The streams a decision reads besides its own (a fiscal year's budget), kept folded in
 * this process. The budget stream grows with every adoption and booking, and every
 * creation and submission reads it: reading only the events after the kept fold is one
 * indexed query that usually answers nothing. Events never change once written, so a fold
 * at revision N stays true; the append still expects the revision read, so an adoption's
 * commitment is as atomic as before (a stale fold is a wrong expected revision, retried).
 */
@Injectable()
export class FoldedStreams {
  private readonly folds = new Map<string, Fold>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<Ref extends StreamRef>(ref: Ref): Promise<LoadedStream<Ref>> {
    const streamId = streamIdOf(ref);
    const kept = this.folds.get(streamId);
    let events;
    try {
      events = await this.store.readStream(streamId, kept ? { fromRevision: kept.revision + 1n } : {});
    } catch (error) {
      if (error instanceof StreamNotFoundError) return emptyStream(ref);
      throw error;
    }
    const state = kept
      ? evolveStream(ref, kept.state as StreamStateOfKind[Ref['kind']], events)
      : foldStream(ref, events);
    const last = events[events.length - 1];
    const revision = last ? last.revision : kept!.revision;
    this.keep(streamId, { state, revision });
    return { ref, streamId, state, revision, events };
  }

  /** Concurrent loads may finish out of order: the furthest fold stays. */
  private keep(streamId: string, fold: Fold): void {
    const current = this.folds.get(streamId);
    if (current && current.revision >= fold.revision) return;
    this.folds.delete(streamId);
    this.folds.set(streamId, fold);
    if (this.folds.size > MAX_KEPT) this.folds.delete(this.folds.keys().next().value!);
  }
}
