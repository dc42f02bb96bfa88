import type { EventData, IntegrityFailure, VerificationReport } from './event-store';
import { eventHash, GENESIS_HASH } from './hash-chain';

/** An event as stored, before any upcasting: the hash covers the stored form. */
export interface StoredEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly eventId: string;
  readonly type: string;
  readonly data: EventData;
  readonly metadata: Record<string, unknown>;
}

/** A stream's head as recorded beside its events: its last revision and that event's hash. */
export interface StreamHead {
  readonly revision: bigint;
  readonly lastHash: string;
}

interface StreamState {
  nextRevision: bigint;
  lastHash: string;
  broken: boolean;
}

/**
 * Recomputes hash chains from events fed in revision order per stream (streams may
 * interleave, as in a global-order read). Keeps one small state per open stream, never
 * the events, and reports only the first broken link of each stream.
 */
export class ChainVerifier {
  private readonly streams = new Map<string, StreamState>();
  private readonly failures: IntegrityFailure[] = [];
  private streamsChecked = 0;
  private eventsChecked = 0;

  add(event: StoredEvent): void {
    let state = this.streams.get(event.streamId);
    if (!state) {
      state = { nextRevision: 0n, lastHash: GENESIS_HASH, broken: false };
      this.streams.set(event.streamId, state);
      this.streamsChecked += 1;
    }
    this.eventsChecked += 1;
    if (state.broken) return;
    if (event.revision !== state.nextRevision) {
      // Name the revision that is missing, not the event that came instead of it.
      this.breakChain(state, {
        streamId: event.streamId,
        revision: state.nextRevision,
        reason: 'revision_gap',
      });
      return;
    }
    const failure = this.checkLink(event, state);
    if (failure) {
      this.breakChain(state, {
        streamId: event.streamId,
        revision: event.revision,
        eventId: event.eventId,
        reason: failure,
      });
      return;
    }
    state.nextRevision = event.revision + 1n;
    state.lastHash = event.metadata.hash as string;
  }

  /** Compares the stream's recorded head with what was seen; then forgets the stream. */
  endStream(streamId: string, head?: StreamHead): void {
    const state = this.streams.get(streamId);
    if (!state) return;
    if (
      head &&
      !state.broken &&
      (head.revision !== state.nextRevision - 1n || head.lastHash !== state.lastHash)
    ) {
      this.failures.push({ streamId, revision: state.nextRevision, reason: 'head_mismatch' });
    }
    this.streams.delete(streamId);
  }

  /** The streams fed and not yet ended. */
  openStreams(): string[] {
    return [...this.streams.keys()];
  }

  report(): VerificationReport {
    return {
      streamsChecked: this.streamsChecked,
      eventsChecked: this.eventsChecked,
      ok: this.failures.length === 0,
      failures: [...this.failures],
    };
  }

  private breakChain(state: StreamState, failure: IntegrityFailure): void {
    state.broken = true;
    this.failures.push(failure);
  }

  private checkLink(event: StoredEvent, state: StreamState): IntegrityFailure['reason'] | undefined {
    const { prevHash, hash } = event.metadata;
    if (prevHash !== state.lastHash) return 'prev_hash_mismatch';
    if (typeof hash !== 'string') return 'hash_mismatch';
    const recomputed = eventHash({
      streamId: event.streamId,
      revision: event.revision,
      eventId: event.eventId,
      type: event.type,
      data: event.data,
      metadata: event.metadata as never,
    });
    return recomputed === hash ? undefined : 'hash_mismatch';
  }
}
