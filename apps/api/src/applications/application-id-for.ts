import { randomUUID } from 'node:crypto';
import { eventIdFor } from '../write/event-ids';
import type { WriteRequest } from '../write/write-request';

/** A new application's id; derived from the Idempotency-Key so a retried creation finds its own draft. */
export function applicationIdFor(request: WriteRequest): string {
  return request.idempotencyKey ? eventIdFor(request.idempotencyKey, 'application-id', 0) : randomUUID();
}
