import type { CommandMetadata } from '../actor';
import type { AttachedDocument } from './attached-document';

/**
 * Attach a document the API has already written durably to the document store: the
 * command carries what the upload found (size, SHA-256, content type from the bytes).
 */
export interface AttachDocument {
  readonly type: 'AttachDocument';
  readonly data: Readonly<{ applicationId: string } & Omit<AttachedDocument, 'receivedAt' | 'receivedBy'>>;
  readonly metadata: CommandMetadata;
}

export type DocumentCommand = AttachDocument;
