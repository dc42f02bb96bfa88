import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

interface PendingCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
}

/**
 * A stand-in OpenID provider on 127.0.0.1 with a person already signed in: discovery, JWKS,
 * an authorisation endpoint that answers at once with a code, and a token endpoint that checks
 * the PKCE verifier against the challenge (S256) before issuing an RS256 access token.
 */
export class LocalIdentityProvider {
  readonly exchanges: { readonly verified: boolean; readonly challengeMethod: string }[] = [];
  private server?: Server;
  private privateKey?: CryptoKey;
  private jwk?: JWK;
  private readonly codes = new Map<string, PendingCode>();
  private challengeMethod = '';

  constructor(
    readonly audience: string,
    private readonly claims: Record<string, unknown>,
  ) {}

  get url(): string {
    if (!this.server) throw new Error('LocalIdentityProvider: not started');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.privateKey = privateKey;
    this.jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
    this.server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** An access token for someone else (another actor's API calls in a test), as the token endpoint issues them. */
  tokenFor(claims: Record<string, unknown>): Promise<string> {
    if (!this.privateKey) throw new Error('LocalIdentityProvider: not started');
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
      .setIssuer(this.url)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(this.privateKey);
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const json = (status: number, body: unknown): void => {
      response
        .writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' })
        .end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: this.url,
        jwks_uri: `${this.url}/jwks`,
        authorization_endpoint: `${this.url}/authorize`,
        token_endpoint: `${this.url}/token`,
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [this.jwk] });
    if (url.pathname === '/authorize') {
      const code = randomUUID();
      this.challengeMethod = url.searchParams.get('code_challenge_method') ?? '';
      this.codes.set(code, {
        clientId: url.searchParams.get('client_id') ?? '',
        redirectUri: url.searchParams.get('redirect_uri') ?? '',
        challenge: url.searchParams.get('code_challenge') ?? '',
      });
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.search = new URLSearchParams({ code, state: url.searchParams.get('state') ?? '' }).toString();
      return void response.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const pending = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const verified =
        pending !== undefined &&
        pending.clientId === form.get('client_id') &&
        pending.redirectUri === form.get('redirect_uri') &&
        createHash('sha256').update(verifier).digest('base64url') === pending.challenge;
      this.exchanges.push({ verified, challengeMethod: this.challengeMethod });
      if (!verified) return json(400, { error: 'invalid_grant' });
      return json(200, {
        access_token: await this.tokenFor(this.claims),
        token_type: 'Bearer',
        expires_in: 600,
      });
    }
    json(404, {});
  }
}
