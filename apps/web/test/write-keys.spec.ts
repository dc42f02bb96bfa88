import type { Middleware } from 'openapi-fetch';
import { NO_ANSWER } from '../src/api/problems';
import { answerSettlesWrite, keyRepeatedWrites, randomKey, sessionPendingKeys } from '../src/api/write-keys';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A tab's sessionStorage: what a reload keeps. */
function tabStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, value),
  };
}

/** The client's middleware for one tab, as `api` uses it; a new one for the same storage is the tab reloaded. */
const middlewareOf = (storage: Pick<Storage, 'getItem' | 'setItem'>) =>
  keyRepeatedWrites(() => sessionPendingKeys(storage));

const call = { schemaPath: '', params: {}, options: {} as never, id: 'request-1' };

/** Sends `request` through the middleware; `status` is the answer, or undefined when none came. */
async function send(middleware: Middleware, request: Request, status?: number): Promise<string | null> {
  const sent = ((await middleware.onRequest!({ ...call, request })) as Request | undefined) ?? request;
  if (status !== undefined)
    await middleware.onResponse!({ ...call, request: sent, response: new Response(null, { status }) });
  return sent.headers.get('Idempotency-Key');
}

const planPut = (ifMatch: string | undefined, plan: object) =>
  new Request('http://localhost/v1/applications/a/plan', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...(ifMatch ? { 'If-Match': ifMatch } : {}) },
    body: JSON.stringify({ plan }),
  });
const submit = (ifMatch = '3', id = 'a') =>
  new Request(`http://localhost/v1/applications/${id}/submit`, {
    method: 'POST',
    headers: { 'If-Match': ifMatch },
  });

describe('the Idempotency-Key of a write made against a revision', () => {
  it('is the same when the write is sent again after no answer (or a 5xx), so the API answers a repeat with the first answer', async () => {
    const tab = middlewareOf(tabStorage());
    const first = await send(tab, submit());
    expect(first).toMatch(UUID);
    expect(await send(tab, submit(), 503)).toBe(first);
    expect(await send(tab, submit())).toBe(first);
  });

  it('is new for the same write sent after an answer: a submission refused while intake was closed is decided again', async () => {
    const tab = middlewareOf(tabStorage());
    const refused = await send(tab, submit(), 422);
    const again = await send(tab, submit(), 200);
    expect(again).toMatch(UUID);
    expect(again).not.toBe(refused);
  });

  it('outlives a reload of the tab, and is not another tab’s', async () => {
    const storage = tabStorage();
    const unanswered = await send(middlewareOf(storage), planPut('3', { projectTitle: '醸造所' }));
    expect(await send(middlewareOf(storage), planPut('3', { projectTitle: '醸造所' }))).toBe(unanswered);
    expect(await send(middlewareOf(tabStorage()), planPut('3', { projectTitle: '醸造所' }))).not.toBe(
      unanswered,
    );
  });

  it('differs for another body, another revision or another address', async () => {
    const tab = middlewareOf(tabStorage());
    const keys = [
      await send(tab, planPut('3', { projectTitle: '醸造所' })),
      await send(tab, planPut('3', { projectTitle: '醸造所と直売所' })),
      await send(tab, submit('3')),
      await send(tab, submit('4')),
      await send(tab, submit('3', 'b')),
    ];
    expect(new Set(keys).size).toBe(5);
  });

  it('is left off reads and off writes made without a revision, whose screens key them if at all', async () => {
    const tab = middlewareOf(tabStorage());
    expect(
      await send(tab, new Request('http://localhost/v1/applications/a', { headers: { 'If-Match': '3' } })),
    ).toBeNull();
    expect(await send(tab, planPut(undefined, {}))).toBeNull();
  });

  it('keeps a key the screen chose itself', async () => {
    const chosen = new Request('http://localhost/v1/applications/a/plan', {
      method: 'PUT',
      headers: { 'If-Match': '3', 'Idempotency-Key': '0f8fad5b-d9cb-469f-a165-70867728950e' },
      body: '{}',
    });
    expect(await send(middlewareOf(tabStorage()), chosen, 200)).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
  });
});

describe('which answers settle a write, so that sending it again is a new request', () => {
  it('every answer below 500 does; no answer, a 500 and a 503 do not, since the write may have been made', () => {
    expect([200, 201, 400, 409, 422].map(answerSettlesWrite)).toEqual([true, true, true, true, true]);
    expect([NO_ANSWER, 500, 502, 503, 504].map(answerSettlesWrite)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('a random Idempotency-Key (uploads)', () => {
  it('is a version 4 uuid, drawn afresh each time, on pages without crypto.randomUUID too', () => {
    const randomUUID = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
    // A plain-http page offers getRandomValues but not randomUUID.
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = Array.from({ length: 100 }, randomKey);
      for (const key of keys)
        expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(keys).size).toBe(100);
    } finally {
      if (randomUUID) Object.defineProperty(crypto, 'randomUUID', randomUUID);
      else delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
  });
});
