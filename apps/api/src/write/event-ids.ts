import { createHash, randomUUID } from 'node:crypto';
import type { WriteRequest } from './write-request';

/** What a write's derived ids come from: its Idempotency-Key, the request sent with it, and its If-Match. */
export type KeyedRequest = Pick<WriteRequest, 'idempotencyKey' | 'fingerprint' | 'expectedRevision'>;

/**
 * With an idempotency key, event ids are derived from it, from the request's fingerprint and
 * from the revision it was made against (If-Match): a repeat of the same request that slips
 * past the idempotency record (a crash between append and record, or a record past its
 * retention) derives the same ids, and the store answers it as an already-done retry instead
 * of writing twice. The same key sent later with another request, or against another revision,
 * derives other ids: it is a new write, never answered with the first. So the events of a
 * write made against revision r can only follow r, which is where a repeat looks for them.
 */
export function eventIdFor(request: KeyedRequest, scope: string, index: number): string {
  const key = request.idempotencyKey;
  if (!key) return randomUUID();
  const hex = createHash('sha256')
    .update(
      `${key}\u0000${request.fingerprint}\u0000${request.expectedRevision ?? ''}\u0000${scope}\u0000${index}`,
    )
    .digest('hex');
  // Shaped as a version-5-style uuid so stores that insist on uuids accept it.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
