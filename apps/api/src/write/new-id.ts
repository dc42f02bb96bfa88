import { randomUUID } from 'node:crypto';
import { eventIdFor } from './event-ids';
import type { WriteRequest } from './write-request';

/**
 * A new entity's id (an application, a plan change), derived from the Idempotency-Key so
 * that a retried request finds what its first attempt created.
 */
export function newIdFor(request: WriteRequest, purpose: 'application-id' | 'plan-change-id'): string {
  return request.idempotencyKey ? eventIdFor(request.idempotencyKey, purpose, 0) : randomUUID();
}
