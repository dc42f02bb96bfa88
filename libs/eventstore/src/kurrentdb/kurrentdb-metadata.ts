import type { EventMetadata } from '../event-store';

/**
 * How the event envelope is stored in KurrentDB's event metadata.
 *
 * `append` (appendToStream) stores the envelope as it is, a nested JSON object.
 * `appendMany` (multiStreamAppend) only takes a flat object of strings, so each envelope
 * value is stored JSON-encoded under its own key, plus a marker naming that encoding;
 * the server adds its own `$`-prefixed keys (`$schema.name`, `$schema.format`).
 * Reading decodes both forms to the same EventMetadata, so an event reads the same
 * whichever way it was written, and the hash chain (computed over the decoded
 * envelope) verifies the same.
 */
export const ENVELOPE_ENCODING_KEY = 'envelopeEncoding';
export const JSON_VALUES_ENCODING = 'json-values';

/** The envelope as multiStreamAppend accepts it: string keys, string values. */
export function encodeFlatMetadata(metadata: EventMetadata): Record<string, string> {
  const flat: Record<string, string> = { [ENVELOPE_ENCODING_KEY]: JSON_VALUES_ENCODING };
  for (const [key, value] of Object.entries(metadata)) {
    // Undefined members (e.g. no `provisional`) are left out, as JSON.stringify does for `append`.
    if (value === undefined) continue;
    if (key === ENVELOPE_ENCODING_KEY || key.startsWith('$'))
      throw new TypeError(`event metadata may not use the reserved key ${key}`);
    flat[key] = JSON.stringify(value);
  }
  return flat;
}

/** The envelope of a stored event, whichever way it was written. */
export function decodeMetadata(stored: unknown): EventMetadata {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored) || stored instanceof Uint8Array)
    throw new TypeError('KurrentDB event has no JSON object metadata: not written by this event store');
  const record = stored as Record<string, unknown>;
  if (record[ENVELOPE_ENCODING_KEY] !== JSON_VALUES_ENCODING) return record as unknown as EventMetadata;
  const envelope: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === ENVELOPE_ENCODING_KEY || key.startsWith('$')) continue;
    if (typeof value !== 'string') throw new TypeError(`KurrentDB event metadata ${key} is not a string`);
    envelope[key] = JSON.parse(value) as unknown;
  }
  return envelope as unknown as EventMetadata;
}
