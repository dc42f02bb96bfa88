import { createHash, randomUUID } from 'node:crypto';

/**
 * With an idempotency key, event ids are derived from it: a repeated request that slips
 * past the idempotency record (a crash between append and record) appends the same ids,
 * which the store answers as an already-done retry instead of writing twice.
 */
export function eventIdFor(idempotencyKey: string | undefined, streamId: string, index: number): string {
  if (!idempotencyKey) return randomUUID();
  const hex = createHash('sha256').update(`${idempotencyKey}\u0000${streamId}\u0000${index}`).digest('hex');
  // Shaped as a version-5-style uuid so stores that insist on uuids accept it.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
