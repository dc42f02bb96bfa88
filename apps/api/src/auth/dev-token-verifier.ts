import { jwtVerify } from 'jose';
import { DEV_TOKEN_ALGORITHM, DEV_TOKEN_ISSUER } from './dev-tokens';
import type { Principal } from './principal';
import { TokenRejected } from './token-errors';
import { TokenVerifier } from './token-verifier';
import { principalFromVerifiedClaims, rejectionFromJose } from './verified-claims';

/** AUTH_MODE=dev: HS256 tokens from this system's own dev-token issuer, nothing else. */
export class DevTokenVerifier extends TokenVerifier {
  constructor(private readonly secret: () => Promise<Uint8Array>) {
    super();
  }

  async verify(token: string): Promise<Principal> {
    const secret = await this.secret();
    try {
      const { payload } = await jwtVerify(token, secret, {
        issuer: DEV_TOKEN_ISSUER,
        algorithms: [DEV_TOKEN_ALGORITHM],
        requiredClaims: ['exp'],
      });
      return principalFromVerifiedClaims(payload);
    } catch (error) {
      if (error instanceof TokenRejected) throw error;
      throw rejectionFromJose(error) ?? error;
    }
  }
}
