import type { Actor } from '@l10k/domain';

/** What an HTTP write brings besides its body: who, which revision it expects, and its retry key. */
export interface WriteRequest {
  readonly actor: Actor;
  /** From `If-Match`: the revision the client last saw; a different current revision is a 409. */
  readonly expectedRevision?: number;
  /** From `Idempotency-Key`: a repeat with the same key and body replays the first answer. */
  readonly idempotencyKey?: string;
  /** Fingerprint of method, path and body, to tell a true repeat from a reused key. */
  readonly fingerprint: string;
  readonly correlationId: string;
}
