import { decodeJwt } from 'jose';
import type { Principal } from './principal';
import { TokenVerifier } from './token-verifier';

/**
 * Remembers the principal of each token it has verified, until the token's own `exp`: a client
 * sends the same bearer token with every request, and checking its signature (an HMAC through
 * WebCrypto in dev mode, an RSA or ECDSA verification under OIDC) was the largest single cost
 * of a read, measured (bench:api's profile). Only successes are kept; a token at or past its
 * `exp` is checked again, and refused, as jose refuses it. Bounded: the oldest entry gives way.
 */
export class CachingTokenVerifier extends TokenVerifier {
  private readonly verified = new Map<string, { readonly principal: Principal; readonly exp: number }>();

  constructor(
    private readonly inner: TokenVerifier,
    private readonly capacity = 10_000,
    /** jose compares `exp` with the machine's clock; so does this. */
    private readonly nowMs: () => number = Date.now,
  ) {
    super();
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && Math.floor(this.nowMs() / 1000) < known.exp) return known.principal;
    this.verified.delete(token);
    const principal = await this.inner.verify(token);
    const { exp } = decodeJwt(token);
    if (typeof exp === 'number') this.remember(token, Object.freeze({ ...principal }), exp);
    return principal;
  }

  private remember(token: string, principal: Principal, exp: number): void {
    if (this.verified.size >= this.capacity) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { principal, exp });
  }
}
