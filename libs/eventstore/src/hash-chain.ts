import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { EventData, EventMetadata, EventMetadataInput, NewEvent } from './event-store';
import { fresh } from '@l10k/rules';

/** The prevHash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashableEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly eventId: string;
  readonly type: string;
  readonly data: EventData;
  /** Including prevHash; any `hash` member is ignored. */
  readonly metadata: EventMetadataInput & { readonly prevHash: string; readonly hash?: string };
}

/** sha256(prevHash ‖ canonical JSON of {streamId, revision, eventId, type, data, metadata-without-hash}), hex. */
export function eventHash(event: HashableEvent): string {
  const { hash: _hash, ...metadataWithoutHash } = event.metadata;
  const content = canonicalJson({
    streamId: event.streamId,
    // A string: canonical JSON has no bigints and revisions may outgrow 2^53.
    revision: event.revision.toString(),
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    metadata: metadataWithoutHash,
  });
  return createHash('sha256').update(event.metadata.prevHash, 'utf8').update(content, 'utf8').digest('hex');
}

export interface ChainedEvent extends NewEvent {
  readonly revision: bigint;
  readonly metadata: EventMetadata;
}

/** Gives `events` the revisions after `lastRevision` and links them onto `lastHash`. */
export function chainEvents(
  streamId: string,
  lastRevision: bigint,
  lastHash: string,
  events: readonly NewEvent[],
): ChainedEvent[] {
  const chained: ChainedEvent[] = [];
  let prevHash = lastHash;
  let revision = lastRevision;
  for (const event of events) {
    revision += 1n;
    const metadata = { ...fresh, ...event.metadata, prevHash };
    const hash = eventHash({
      streamId,
      revision,
      eventId: event.eventId,
      type: event.type,
      data: event.data,
      metadata,
    });
    chained.push({
      eventId: event.eventId,
      type: event.type,
      data: event.data,
      revision,
      metadata: { ...fresh, ...metadata, hash },
    });
    prevHash = hash;
  }
  return chained;
}
