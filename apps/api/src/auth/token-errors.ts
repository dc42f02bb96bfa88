/** Why a bearer token is refused (401); `rule` is the stable code a client can branch on. */
export class TokenRejected extends Error {
  constructor(
    readonly rule: 'token_missing' | 'token_invalid' | 'token_expired',
    message: string,
  ) {
    super(message);
    this.name = 'TokenRejected';
  }
}

/** The identity provider (discovery document or JWKS) could not be reached: a 503, not the caller's fault. */
export class IdentityProviderUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IdentityProviderUnavailable';
  }
}
