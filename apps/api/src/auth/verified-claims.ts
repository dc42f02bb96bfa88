import { JWTPayload, errors } from 'jose';
import type { Principal } from './principal';
import { principalFromClaims } from './principal-from-claims';
import { TokenRejected } from './token-errors';

/** What jose found wrong with a token, as a 401 rule and a message naming the part at fault. */
export function rejectionFromJose(error: unknown): TokenRejected | undefined {
  if (error instanceof errors.JWTExpired) {
    const exp = error.payload.exp;
    return new TokenRejected(
      'token_expired',
      `the token expired${typeof exp === 'number' ? ` at ${new Date(exp * 1000).toISOString()}` : ''}`,
    );
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new TokenRejected('token_invalid', `the "${error.claim}" claim is refused: ${error.message}`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new TokenRejected('token_invalid', 'the signature does not verify');
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new TokenRejected(
      'token_invalid',
      `none of the issuer's keys matches the token's "kid" and "alg": ${error.message}`,
    );
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new TokenRejected(
      'token_invalid',
      `the token's signing algorithm is not accepted here: ${error.message}`,
    );
  }
  if (error instanceof errors.JOSEError)
    return new TokenRejected('token_invalid', `the token is malformed: ${error.message}`);
  return undefined;
}

/** The principal of a token whose signature jose has checked, or a 401 naming the claim that does not hold. */
export function principalFromVerifiedClaims(payload: JWTPayload): Principal {
  const check = principalFromClaims(payload);
  if (!check.valid) throw new TokenRejected('token_invalid', check.message);
  return check.principal;
}
