/** A stream's last revision and the hash the next event must point at. */
export interface StreamHead {
  readonly revision: bigint;
  readonly hash: string;
}

/**
 * Remembers recent stream heads so an append can chain its hashes without first
 * reading the head (one round trip instead of two). Never trusted: the database checks
 * revision and hash together, and a miss only costs a retry.
 */
export class StreamHeadCache {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  remember(streamId: string, head: StreamHead): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) {
      // Map iteration is insertion order: the first key is the least recently written.
      const oldest = this.heads.keys().next().value;
      if (oldest !== undefined) this.heads.delete(oldest);
    }
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
