import {
  CompactJWSHeaderParameters,
  CryptoKey,
  FlattenedJWSInput,
  RemoteJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
} from 'jose';
import type { Principal } from './principal';
import { IdentityProviderUnavailable, TokenRejected } from './token-errors';
import { TokenVerifier } from './token-verifier';
import { principalFromVerifiedClaims, rejectionFromJose } from './verified-claims';

/** Public-key algorithms only: an HS* token would be checked against a key anyone can read from the JWKS. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

export interface OidcSettings {
  readonly issuer: string;
  readonly audience: string;
  /** How long to wait for the discovery document or the JWKS. */
  readonly timeoutMs?: number;
}

/**
 * AUTH_MODE=oidc: tokens signed by the issuer's keys, found through its discovery document.
 * The JWKS is discovered once per process; jose caches the keys and refetches on an unknown `kid`.
 */
export class OidcTokenVerifier extends TokenVerifier {
  private keySet?: Promise<RemoteJWKSet>;
  private readonly timeoutMs: number;

  constructor(private readonly settings: OidcSettings) {
    super();
    this.timeoutMs = settings.timeoutMs ?? 5000;
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, (header, input) => this.key(header, input), {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ASYMMETRIC_ALGORITHMS,
        requiredClaims: ['exp'],
      });
      return principalFromVerifiedClaims(payload);
    } catch (error) {
      if (error instanceof TokenRejected || error instanceof IdentityProviderUnavailable) throw error;
      throw rejectionFromJose(error) ?? error;
    }
  }

  private async key(header: CompactJWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey> {
    const keySet = await this.discoveredKeySet();
    try {
      return await keySet(header, token);
    } catch (error) {
      // No key for the token's kid/alg is the token's fault; anything else means the JWKS could not be had.
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSENotSupported
      ) {
        throw error;
      }
      throw new IdentityProviderUnavailable(`the issuer's JWKS could not be fetched: ${messageOf(error)}`, {
        cause: error,
      });
    }
  }

  private discoveredKeySet(): Promise<RemoteJWKSet> {
    // A failed discovery is forgotten so the next request tries again.
    this.keySet ??= this.discover().catch((error: unknown) => {
      this.keySet = undefined;
      throw error;
    });
    return this.keySet;
  }

  private async discover(): Promise<RemoteJWKSet> {
    const url = `${this.settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let document: { issuer?: unknown; jwks_uri?: unknown };
    try {
      const response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      document = (await response.json()) as typeof document;
    } catch (error) {
      throw new IdentityProviderUnavailable(
        `the discovery document ${url} could not be fetched: ${messageOf(error)}`,
        { cause: error },
      );
    }
    if (document?.issuer !== this.settings.issuer) {
      throw new IdentityProviderUnavailable(
        `the discovery document ${url} names issuer ${JSON.stringify(document?.issuer)}, not OIDC_ISSUER`,
      );
    }
    if (typeof document.jwks_uri !== 'string' || !URL.canParse(document.jwks_uri)) {
      throw new IdentityProviderUnavailable(`the discovery document ${url} has no usable jwks_uri`);
    }
    return createRemoteJWKSet(new URL(document.jwks_uri), { timeoutDuration: this.timeoutMs });
  }
}

function messageOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return error instanceof Error ? `${error.message}${cause}` : String(error);
}
