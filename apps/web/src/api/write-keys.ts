import type { Middleware } from 'openapi-fetch';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * The Idempotency-Key of one write: a uuid (version 8, RFC 9562) from a SHA-256 of the tab's
 * salt and the write itself, its method, address, If-Match and body. The same write sent again
 * gets the same key; any other write, or the same one from another tab, another.
 */
export async function writeKeyFor(
  salt: string,
  write: { readonly method: string; readonly url: string; readonly ifMatch: string; readonly body: string },
): Promise<string> {
  const text = [salt, write.method, write.url, write.ifMatch, write.body].join('\u0000');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return uuidOf(digest.slice(0, 16), 0x80);
}

/**
 * A fresh random Idempotency-Key (a version 4 uuid) for a write that is never sent twice as
 * the same bytes (an upload). `crypto.randomUUID` exists only on secure pages; this works on
 * any page, as `getRandomValues` does.
 */
export function randomKey(): string {
  return uuidOf(crypto.getRandomValues(new Uint8Array(16)), 0x40);
}

/** 16 bytes as a uuid of the given version (its high nibble), with the RFC 9562 variant. */
function uuidOf(bytes: Uint8Array, version: number): string {
  bytes[6] = (bytes[6] & 0x0f) | version;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const digits = hex(bytes);
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;
}

/**
 * Keys every write made against a revision (If-Match), so that sending it again after no
 * answer came is safe: if the first one arrived, the API answers the repeat with the first
 * answer and writes nothing (API.md: Idempotency-Key), instead of refusing it as stale. The
 * key is derived, not drawn, because the screen that sends again is not told which attempt
 * it repeats. Writes without If-Match (creating a draft) keep no key: the same click twice is
 * meant to make two. `salt` is the tab's own secret, so nobody can foresee another's keys.
 */
export function keyRepeatedWrites(salt: () => string): Middleware {
  return {
    async onRequest({ request }) {
      const ifMatch = request.headers.get('If-Match');
      if (READS.has(request.method) || ifMatch === null || request.headers.has('Idempotency-Key'))
        return undefined;
      // Browsers offer SHA-256 only to secure pages (https, or localhost); elsewhere, no key.
      if (globalThis.crypto?.subtle === undefined) return undefined;
      const body = await request.clone().text();
      const key = await writeKeyFor(salt(), { method: request.method, url: request.url, ifMatch, body });
      request.headers.set('Idempotency-Key', key);
      return request;
    },
  };
}

const SALT_STORAGE_KEY = 'l10k.write-key-salt';

/** This tab's salt, kept across reloads (sessionStorage: this tab only). */
export function tabSalt(): string {
  let salt = sessionStorage.getItem(SALT_STORAGE_KEY);
  if (salt === null) {
    salt = hex(crypto.getRandomValues(new Uint8Array(16)));
    sessionStorage.setItem(SALT_STORAGE_KEY, salt);
  }
  return salt;
}
