import type { Middleware } from 'openapi-fetch';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * A fresh random Idempotency-Key (a version 4 uuid). `crypto.randomUUID` exists only on
 * secure pages; this works on any page, as `getRandomValues` does.
 */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const digits = hex(bytes);
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;
}

/**
 * Whether an answer says what became of a write: any status below 500. No answer, or a 5xx
 * (which may have come after the write was made), leaves a resend to carry the same key.
 * NO_ANSWER is 0.
 */
export const answerSettlesWrite = (status: number): boolean => status > 0 && status < 500;

/** The keys of the writes sent and not answered yet, by what each write is (writeSignature). */
export interface PendingWriteKeys {
  keyOf(signature: string): string | undefined;
  keep(signature: string, key: string): void;
  /** The write sent with this key was answered: the same write sent later is a new request. */
  answered(key: string): void;
}

const PENDING_STORAGE_KEY = 'l10k.pending-write-keys';

/** The tab's pending keys in sessionStorage: they outlive a reload, and no other tab sees them. */
export function sessionPendingKeys(storage: Pick<Storage, 'getItem' | 'setItem'>): PendingWriteKeys {
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(storage.getItem(PENDING_STORAGE_KEY) ?? '{}') as Record<string, string>;
    } catch {
      return {};
    }
  };
  const write = (keys: Record<string, string>) => storage.setItem(PENDING_STORAGE_KEY, JSON.stringify(keys));
  return {
    keyOf: (signature) => read()[signature],
    keep(signature, key) {
      write({ ...read(), [signature]: key });
    },
    answered(key) {
      const keys = read();
      const left = Object.entries(keys).filter(([, kept]) => kept !== key);
      if (left.length < Object.keys(keys).length) write(Object.fromEntries(left));
    },
  };
}

/** What one write is: a SHA-256 of its method, address, If-Match and body. */
export async function writeSignature(write: {
  readonly method: string;
  readonly url: string;
  readonly ifMatch: string;
  readonly body: string;
}): Promise<string> {
  const text = [write.method, write.url, write.ifMatch, write.body].join('\u0000');
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

/**
 * Keys every write made against a revision (If-Match), so that sending it again after no
 * answer came is safe: if the first one arrived, the API answers the repeat with the first
 * answer and writes nothing (API.md: Idempotency-Key), instead of refusing it as stale. The
 * screen that sends again is not told which attempt it repeats, so the key is found by what
 * the write is, among the writes not answered yet. Once an answer comes (below 500), the
 * same write sent later is a new request with a new key: a submission refused while intake
 * was closed is decided again once it is open, not answered with the old refusal. Writes
 * without If-Match (creating a draft) are keyed by their screen, if at all.
 */
export function keyRepeatedWrites(pending: () => PendingWriteKeys): Middleware {
  return {
    async onRequest({ request }) {
      const ifMatch = request.headers.get('If-Match');
      if (READS.has(request.method) || ifMatch === null || request.headers.has('Idempotency-Key'))
        return undefined;
      // Browsers offer SHA-256 only to secure pages (https, or localhost); elsewhere, no key.
      if (globalThis.crypto?.subtle === undefined) return undefined;
      const body = await request.clone().text();
      const signature = await writeSignature({ method: request.method, url: request.url, ifMatch, body });
      const keys = pending();
      const key = keys.keyOf(signature) ?? randomKey();
      keys.keep(signature, key);
      request.headers.set('Idempotency-Key', key);
      return request;
    },
    onResponse({ request, response }) {
      const key = request.headers.get('Idempotency-Key');
      if (key !== null && answerSettlesWrite(response.status)) pending().answered(key);
      return undefined;
    },
  };
}
