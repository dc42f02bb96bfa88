import type { AttachedDocument } from './attached-document';

/** A document was received for the application; its bytes were stored before this was appended. */
export interface DocumentAttached {
  readonly type: 'DocumentAttached';
  readonly data: Readonly<{ applicationId: string } & AttachedDocument>;
}
