import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { CryptoKey, JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import request from 'supertest';
import { startApiForTest } from './api-test-app';

const AUDIENCE = 'l10k-api';
const officerClaims = { name: '遠野 花子', roles: ['municipality'], municipalityCode: '032077' };

/** A stand-in identity provider on 127.0.0.1: discovery document and JWKS, each able to fail on demand. */
class LocalIssuer {
  readonly requests: string[] = [];
  discoveryStatus = 200;
  jwksStatus = 200;
  private server!: Server;
  private keys: JWK[] = [];

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(keys: JWK[]): Promise<this> {
    this.keys = keys;
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      const answer = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url === '/.well-known/openid-configuration') {
        return answer(this.discoveryStatus, { issuer: this.url, jwks_uri: `${this.url}/jwks` });
      }
      if (req.url === '/jwks') return answer(this.jwksStatus, { keys: this.keys });
      return answer(404, {});
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function signingKey(alg: 'RS256' | 'ES256', kid: string): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

interface TokenOptions {
  alg?: string;
  kid?: string;
  issuer?: string;
  audience?: string;
  expiresIn?: string | number;
  claims?: Record<string, unknown>;
}

function sign(key: CryptoKey | Uint8Array, issuer: string, options: TokenOptions = {}): Promise<string> {
  return new SignJWT({ ...officerClaims, ...options.claims })
    .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? 'rsa-1' })
    .setSubject('oidc|officer-1')
    .setIssuer(options.issuer ?? issuer)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(key);
}

describe('authentication (AUTH_MODE=oidc) against the issuer’s JWKS', () => {
  let issuer: LocalIssuer;
  let app: INestApplication;
  let rsa: { privateKey: CryptoKey; jwk: JWK };
  let ec: { privateKey: CryptoKey; jwk: JWK };

  beforeAll(async () => {
    rsa = await signingKey('RS256', 'rsa-1');
    ec = await signingKey('ES256', 'ec-1');
    issuer = await new LocalIssuer().start([rsa.jwk, ec.jwk]);
    app = await startApiForTest({ AUTH_MODE: 'oidc', OIDC_ISSUER: issuer.url, OIDC_AUDIENCE: AUDIENCE });
  });
  afterAll(async () => {
    await app.close();
    await issuer.stop();
  });

  const me = (token: string) =>
    request(app.getHttpServer()).get('/v1/auth/me').set('Authorization', `Bearer ${token}`);
  const expectInvalid = async (token: string, message: RegExp) => {
    const response = await me(token).expect(401);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="l10k", error="invalid_token"/);
    expect(response.body.errors).toEqual([
      { field: 'authorization', rule: 'token_invalid', message: expect.stringMatching(message) },
    ]);
  };

  it('accepts a token the issuer signed (RS256), finding the keys through discovery once', async () => {
    const response = await me(await sign(rsa.privateKey, issuer.url)).expect(200);
    expect(response.body).toEqual({ sub: 'oidc|officer-1', ...officerClaims });
    await me(await sign(rsa.privateKey, issuer.url)).expect(200);
    expect(issuer.requests.filter((path) => path === '/.well-known/openid-configuration')).toHaveLength(1);
    expect(issuer.requests.filter((path) => path === '/jwks')).toHaveLength(1);
  });

  it('accepts an ES256 token from the same JWKS', async () => {
    const token = await sign(ec.privateKey, issuer.url, {
      alg: 'ES256',
      kid: 'ec-1',
      claims: { roles: ['auditor'], municipalityCode: undefined },
    });
    expect((await me(token).expect(200)).body).toEqual({
      sub: 'oidc|officer-1',
      name: officerClaims.name,
      roles: ['auditor'],
    });
  });

  it('refuses a token signed by another key under a kid the issuer publishes', async () => {
    const impostor = await signingKey('RS256', 'rsa-1');
    await expectInvalid(await sign(impostor.privateKey, issuer.url), /signature does not verify/);
  });

  it('refuses a token signed by a key the issuer does not publish', async () => {
    const impostor = await signingKey('RS256', 'unknown-kid');
    await expectInvalid(
      await sign(impostor.privateKey, issuer.url, { kid: 'unknown-kid' }),
      /none of the issuer's keys matches/,
    );
  });

  it('refuses a token for another audience', async () => {
    await expectInvalid(
      await sign(rsa.privateKey, issuer.url, { audience: 'some-other-api' }),
      /"aud" claim/,
    );
  });

  it('refuses a token from another issuer, even signed with the right key', async () => {
    await expectInvalid(
      await sign(rsa.privateKey, issuer.url, { issuer: 'https://elsewhere.example/' }),
      /"iss" claim/,
    );
  });

  it('refuses an HS256 token, even one keyed with the published public key material', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(rsa.jwk));
    await expectInvalid(await sign(secret, issuer.url, { alg: 'HS256' }), /algorithm is not accepted/);
  });

  it('refuses an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: 'rsa-1' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ ...officerClaims, sub: 'x', iss: issuer.url, aud: AUDIENCE, exp: 9999999999 }),
    ).toString('base64url');
    await expectInvalid(`${header}.${payload}.`, /algorithm is not accepted/);
  });

  it('answers 401 token_expired to an expired token', async () => {
    const token = await sign(rsa.privateKey, issuer.url, { expiresIn: Math.floor(Date.now() / 1000) - 120 });
    const response = await me(token).expect(401);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'authorization', rule: 'token_expired' }),
    ]);
  });

  it('refuses a well-signed token whose claims do not make a principal, naming the claim', async () => {
    await expectInvalid(
      await sign(rsa.privateKey, issuer.url, { claims: { roles: ['admin'] } }),
      /"roles" claim/,
    );
    await expectInvalid(
      await sign(rsa.privateKey, issuer.url, { claims: { municipalityCode: '032078' } }),
      /"municipalityCode" claim/,
    );
    await expectInvalid(
      await sign(rsa.privateKey, issuer.url, { claims: { municipalityCode: '999997' } }),
      /"municipalityCode" claim 999997 names no local government in MIC's 全国地方公共団体コード/,
    );
  });

  it('has no dev-token route: POST /v1/auth/dev-tokens is a 404 problem', async () => {
    const response = await request(app.getHttpServer())
      .post('/v1/auth/dev-tokens')
      .send({ sub: 'x', name: 'x', roles: ['program_officer'] })
      .expect(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});

describe('authentication (AUTH_MODE=oidc) when the issuer does not answer', () => {
  let issuer: LocalIssuer;
  let app: INestApplication;
  let rsa: { privateKey: CryptoKey; jwk: JWK };
  beforeAll(async () => {
    rsa = await signingKey('RS256', 'rsa-1');
    issuer = await new LocalIssuer().start([rsa.jwk]);
    app = await startApiForTest({ AUTH_MODE: 'oidc', OIDC_ISSUER: issuer.url, OIDC_AUDIENCE: AUDIENCE });
  });
  afterAll(async () => {
    await app.close();
    await issuer.stop();
  });
  const me = (token: string) =>
    request(app.getHttpServer()).get('/v1/auth/me').set('Authorization', `Bearer ${token}`);
  const expectUnavailable = async (token: string, message: RegExp) => {
    const response = await me(token).expect(503);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors).toEqual([
      { field: 'authorization', rule: 'issuer_reachable', message: expect.stringMatching(message) },
    ]);
  };

  it('answers 503 while discovery fails, 503 while the JWKS fails, and recovers when both answer', async () => {
    const token = await sign(rsa.privateKey, issuer.url);
    issuer.discoveryStatus = 500;
    await expectUnavailable(token, /discovery document .* could not be fetched: HTTP 500/);
    issuer.discoveryStatus = 200;
    issuer.jwksStatus = 503;
    await expectUnavailable(token, /JWKS could not be fetched/);
    issuer.jwksStatus = 200;
    await me(token).expect(200);
  });

  it('answers 503 when the issuer is down altogether, and still 401 to a token it need not fetch keys for', async () => {
    const closed = await new LocalIssuer().start([]);
    const downUrl = closed.url;
    await closed.stop();
    const down = await startApiForTest({ AUTH_MODE: 'oidc', OIDC_ISSUER: downUrl, OIDC_AUDIENCE: AUDIENCE });
    try {
      const call = (token: string) =>
        request(down.getHttpServer()).get('/v1/auth/me').set('Authorization', `Bearer ${token}`);
      const response = await call(await sign(rsa.privateKey, downUrl)).expect(503);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'authorization', rule: 'issuer_reachable' }),
      ]);
      await call('not-a-jwt').expect(401);
    } finally {
      await down.close();
    }
  });
});
