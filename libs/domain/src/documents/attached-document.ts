import type { DocumentKind } from './document-kinds';

/**
 * A document as its receipt names it: the metadata only, never the bytes, which the
 * content-addressed store keeps under their SHA-256.
 */
export interface AttachedDocument {
  readonly documentId: string;
  readonly kind: DocumentKind;
  /** The file name as uploaded, without any folder. */
  readonly name: string;
  /** Bytes. */
  readonly size: number;
  /** Lower-case hex, 64 characters. */
  readonly sha256: string;
  /** As found in the bytes (not as the client declared it). */
  readonly contentType: string;
  readonly receivedAt: string;
  /** The officer's `sub`. */
  readonly receivedBy: string;
}
