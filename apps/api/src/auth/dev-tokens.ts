import { SignJWT } from 'jose';
import type { Principal } from './principal';

/** Dev tokens say who made them so no other issuer's HS256 token is taken for one. */
export const DEV_TOKEN_ISSUER = 'l10k-dev';
export const DEV_TOKEN_ALGORITHM = 'HS256';

export interface IssuedToken {
  readonly token: string;
  /** ISO-8601 instant. */
  readonly expiresAt: string;
}

/** Signs a dev token for a principal; used by `POST /v1/auth/dev-tokens` and `npm run token`. */
export async function issueDevToken(
  secret: Uint8Array,
  principal: Principal,
  ttlSeconds: number,
  now: Date = new Date(),
): Promise<IssuedToken> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + ttlSeconds;
  const claims = {
    name: principal.name,
    roles: principal.roles,
    ...(principal.municipalityCode === undefined ? {} : { municipalityCode: principal.municipalityCode }),
  };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_TOKEN_ALGORITHM, typ: 'JWT' })
    .setIssuer(DEV_TOKEN_ISSUER)
    .setSubject(principal.sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(secret);
  return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
}
