import type { Readable } from 'node:stream';

/** The DocumentStore port (DESIGN.md, "Attachments"): bytes kept by their SHA-256. */
export const DOCUMENT_STORE = Symbol('DocumentStore');

/** Bytes received in full but not yet in place: nothing can find them until `commit`. */
export interface StagedDocument {
  /** Lower-case hex. */
  readonly sha256: string;
  /** Bytes. */
  readonly size: number;
  /** The first bytes (at most the store's head size), to find the content type in. */
  readonly head: Buffer;
  /** Puts the bytes in place durably: once it resolves, they survive a crash and `open` finds them. */
  commit(): Promise<void>;
  /** Forgets the bytes; safe to call more than once, and after a failed commit. */
  discard(): Promise<void>;
}

export interface StoredDocument {
  readonly stream: Readable;
  readonly size: number;
}

export interface DocumentStore {
  /**
   * Reads `source` to its end, hashing as the bytes go by, never holding them all in memory.
   * More than `maxBytes` rejects with DocumentTooLargeError; a failing source rejects with its
   * error; either way nothing is left behind.
   */
  stage(source: Readable, options: { readonly maxBytes: number }): Promise<StagedDocument>;
  /** The bytes with this SHA-256, or undefined when the store has none. */
  open(sha256: string): Promise<StoredDocument | undefined>;
}

export class DocumentTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the document is larger than ${maxBytes} bytes`);
    this.name = 'DocumentTooLargeError';
  }
}

export const isSha256Hex = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);
