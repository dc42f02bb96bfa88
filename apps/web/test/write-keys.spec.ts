import { keyRepeatedWrites, randomKey, writeKeyFor } from '../src/api/write-keys';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const submit = { method: 'POST', url: 'http://localhost/v1/applications/a/submit', ifMatch: '3', body: '' };

/** What the client's middleware chain hands each middleware for one request. */
async function keyOf(request: Request, salt = 'tab-one'): Promise<string | null> {
  const changed = await keyRepeatedWrites(() => salt).onRequest!({
    request,
    schemaPath: '',
    params: {},
    options: {} as never,
    id: 'request-1',
  });
  return ((changed as Request | undefined) ?? request).headers.get('Idempotency-Key');
}

const planPut = (ifMatch: string | undefined, plan: object) =>
  new Request('http://localhost/v1/applications/a/plan', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...(ifMatch ? { 'If-Match': ifMatch } : {}) },
    body: JSON.stringify({ plan }),
  });

describe('the Idempotency-Key of a write sent again after no answer', () => {
  it('is a uuid, the same for the same write, so the API answers a repeat with the first answer', async () => {
    const key = await writeKeyFor('tab-one', submit);
    expect(key).toMatch(UUID);
    expect(await writeKeyFor('tab-one', submit)).toBe(key);
    expect(await keyOf(planPut('3', { projectTitle: '醸造所' }))).toBe(
      await keyOf(planPut('3', { projectTitle: '醸造所' })),
    );
  });

  it('differs for another body, another revision, another address or another tab', async () => {
    const key = await writeKeyFor('tab-one', submit);
    const others = await Promise.all([
      writeKeyFor('tab-one', { ...submit, body: '{"reason":"x"}' }),
      writeKeyFor('tab-one', { ...submit, ifMatch: '4' }),
      writeKeyFor('tab-one', { ...submit, url: 'http://localhost/v1/applications/b/submit' }),
      writeKeyFor('tab-two', submit),
    ]);
    expect(new Set([key, ...others]).size).toBe(5);
    expect(await keyOf(planPut('3', { projectTitle: '醸造所' }))).not.toBe(
      await keyOf(planPut('3', { projectTitle: '醸造所と直売所' })),
    );
  });

  it('is left off reads and off writes made without a revision: creating a draft twice makes two', async () => {
    expect(
      await keyOf(new Request('http://localhost/v1/applications/a', { headers: { 'If-Match': '3' } })),
    ).toBeNull();
    expect(await keyOf(planPut(undefined, {}))).toBeNull();
  });

  it('keeps a key the screen chose itself', async () => {
    const upload = new Request('http://localhost/v1/applications/a/plan', {
      method: 'PUT',
      headers: { 'If-Match': '3', 'Idempotency-Key': '0f8fad5b-d9cb-469f-a165-70867728950e' },
      body: '{}',
    });
    expect(await keyOf(upload)).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
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
