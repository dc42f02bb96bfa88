import { eventIdFor } from './event-ids';
import type { WriteRequest } from './write-request';

/**
 * A new entity's id (an application, a plan change), derived from the Idempotency-Key and the
 * request (event-ids.ts) so that a retried request finds what its first attempt created.
 */
export function newIdFor(request: WriteRequest, purpose: 'application-id' | 'plan-change-id'): string {
  return eventIdFor(request, purpose, 0);
}
