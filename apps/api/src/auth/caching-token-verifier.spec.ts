import { SignJWT } from 'jose';
import { CachingTokenVerifier } from './caching-token-verifier';
import type { Principal } from './principal';
import { TokenRejected } from './token-errors';
import { TokenVerifier } from './token-verifier';

const NOW_SECONDS = 1_780_000_000;

async function tokenFor(sub: string, exp: number): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime(exp)
    .sign(new Uint8Array(32));
}

/** Counts its calls; accepts any token whose subject is not "forged", until its exp on the same clock. */
class CountingVerifier extends TokenVerifier {
  calls = 0;
  constructor(private readonly nowSeconds: () => number) {
    super();
  }
  async verify(token: string): Promise<Principal> {
    this.calls++;
    const { sub, exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
      sub: string;
      exp: number;
    };
    if (sub === 'forged') throw new TokenRejected('token_invalid', 'the signature does not verify');
    if (exp <= this.nowSeconds()) throw new TokenRejected('token_expired', 'the token expired');
    return { sub, name: sub, roles: ['program_officer'] };
  }
}

describe('CachingTokenVerifier', () => {
  let now: number;
  let inner: CountingVerifier;
  let verifier: CachingTokenVerifier;
  beforeEach(() => {
    now = NOW_SECONDS * 1000;
    inner = new CountingVerifier(() => Math.floor(now / 1000));
    verifier = new CachingTokenVerifier(inner, 2, () => now);
  });

  it('checks a token once and answers the same principal for it until it expires', async () => {
    const token = await tokenFor('officer-1', NOW_SECONDS + 60);
    const first = await verifier.verify(token);
    const second = await verifier.verify(token);
    expect(second).toEqual({ sub: 'officer-1', name: 'officer-1', roles: ['program_officer'] });
    expect(second).toEqual(first);
    expect(inner.calls).toBe(1);
  });

  it('checks a token again at its exp, and the refusal stands', async () => {
    const token = await tokenFor('officer-1', NOW_SECONDS + 60);
    await verifier.verify(token);
    now = (NOW_SECONDS + 60) * 1000;
    await expect(verifier.verify(token)).rejects.toMatchObject({ rule: 'token_expired' });
    await expect(verifier.verify(token)).rejects.toMatchObject({ rule: 'token_expired' });
    expect(inner.calls).toBe(3);
  });

  it('never remembers a refusal: a refused token is checked every time', async () => {
    const token = await tokenFor('forged', NOW_SECONDS + 60);
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(TokenRejected);
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(TokenRejected);
    expect(inner.calls).toBe(2);
  });

  it('keeps at most its capacity, letting the oldest token go first', async () => {
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((sub) => tokenFor(sub, NOW_SECONDS + 60)));
    for (const token of [a, b, c]) await verifier.verify(token);
    expect(inner.calls).toBe(3);
    await verifier.verify(c);
    await verifier.verify(b);
    expect(inner.calls).toBe(3);
    await verifier.verify(a);
    expect(inner.calls).toBe(4);
  });

  it('hands out a principal no caller can change for the next request', async () => {
    const token = await tokenFor('officer-1', NOW_SECONDS + 60);
    await verifier.verify(token);
    const remembered = await verifier.verify(token);
    expect(Object.isFrozen(remembered)).toBe(true);
  });
});
