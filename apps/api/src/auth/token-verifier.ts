import type { Principal } from './principal';

/**
 * Turns a bearer token into a principal. Throws TokenRejected for a bad token and
 * IdentityProviderUnavailable when the keys to check it cannot be had. One per AUTH_MODE.
 */
export abstract class TokenVerifier {
  abstract verify(token: string): Promise<Principal>;
}
