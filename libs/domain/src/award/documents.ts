/**
 * A document a step refers to, as its upload receipt names it: until attachments have
 * their own store, a reference carries the name, size and SHA-256 the municipality holds.
 */
export interface DocumentRef {
  readonly name: string;
  /** Lower-case hex, 64 characters. */
  readonly sha256: string;
  /** Bytes. */
  readonly size: number;
}
