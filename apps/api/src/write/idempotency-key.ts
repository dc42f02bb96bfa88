import { invalidRequest } from '../problem-details';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `Idempotency-Key` is a uuid the client makes once per intended write. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const key = header.trim().toLowerCase();
  if (!UUID.test(key)) {
    const message = 'Idempotency-Key must be a uuid, made once per intended write';
    throw invalidRequest('Idempotency-Key', 'uuid', message);
  }
  return key;
}
