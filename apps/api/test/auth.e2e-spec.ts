import type { INestApplication } from '@nestjs/common';
import { SignJWT, UnsecuredJWT } from 'jose';
import request from 'supertest';
import { issueDevToken } from '../src/auth/dev-tokens';
import { startApiForTest } from './api-test-app';

const SECRET = 'dev-token-secret-for-the-auth-specs-0123456789';
const key = new TextEncoder().encode(SECRET);
const officer = {
  sub: 'officer-1',
  name: '遠野 花子',
  roles: ['municipality' as const],
  municipalityCode: '032077',
};

describe('authentication (AUTH_MODE=dev)', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApiForTest({ DEV_TOKEN_SECRET: SECRET, DEV_TOKEN_TTL_SECONDS: '3600' });
  });
  afterAll(async () => {
    await app.close();
  });
  const http = () => request(app.getHttpServer());
  const me = (authorization?: string) => {
    const call = http().get('/v1/auth/me');
    return authorization === undefined ? call : call.set('Authorization', authorization);
  };
  const refusal = (response: request.Response) => response.body.errors;

  describe('POST /v1/auth/dev-tokens', () => {
    it('issues a token that GET /v1/auth/me accepts and reads back as the principal', async () => {
      const before = Math.floor(Date.now() / 1000);
      const issued = await http().post('/v1/auth/dev-tokens').send(officer).expect(200);
      const after = Math.floor(Date.now() / 1000);
      expect(issued.body).toEqual({
        token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        expiresAt: expect.any(String),
      });
      const expiresAt = Date.parse(issued.body.expiresAt) / 1000;
      expect(expiresAt).toBeGreaterThanOrEqual(before + 3600);
      expect(expiresAt).toBeLessThanOrEqual(after + 3600);

      const response = await me(`Bearer ${issued.body.token}`).expect(200);
      expect(response.body).toEqual(officer);
    });

    it('issues tokens for several roles, without a municipality code when the municipality role is absent', async () => {
      const issued = await http()
        .post('/v1/auth/dev-tokens')
        .send({ sub: 'po-1', name: 'MIC officer', roles: ['program_officer', 'auditor'] })
        .expect(200);
      const response = await me(`Bearer ${issued.body.token}`).expect(200);
      expect(response.body).toEqual({
        sub: 'po-1',
        name: 'MIC officer',
        roles: ['program_officer', 'auditor'],
      });
    });

    it.each([
      [{ ...officer, sub: undefined }, 'sub', 'is_string'],
      [{ ...officer, sub: '' }, 'sub', 'is_not_empty'],
      [{ ...officer, name: 42 }, 'name', 'is_string'],
      [{ ...officer, roles: [] }, 'roles', 'array_not_empty'],
      [{ ...officer, roles: 'municipality' }, 'roles', 'is_array'],
      [{ ...officer, roles: ['municipality', 'mayor'] }, 'roles', 'is_in'],
      [{ ...officer, roles: ['reviewer', 'reviewer'] }, 'roles', 'array_unique'],
      [{ ...officer, municipalityCode: undefined }, 'municipalityCode', 'is_defined'],
      [{ ...officer, municipalityCode: '032078' }, 'municipalityCode', 'local_government_code'],
      [{ ...officer, municipalityCode: 32077 }, 'municipalityCode', 'local_government_code'],
      [{ ...officer, municipalityCode: '999997' }, 'municipalityCode', 'local_government_exists'],
      [{ ...officer, isAdmin: true }, 'isAdmin', 'unknown_field'],
    ])('refuses %j with a 400 naming %s (%s)', async (body, field, rule) => {
      const response = await http()
        .post('/v1/auth/dev-tokens')
        .send(body)
        .expect(400)
        .expect('Content-Type', /application\/problem\+json/);
      expect(refusal(response)).toContainEqual(expect.objectContaining({ field, rule }));
      expect(refusal(response).every((error: { field: string }) => error.field === field)).toBe(true);
    });

    it('says what is wrong with a local government code', async () => {
      const response = await http()
        .post('/v1/auth/dev-tokens')
        .send({ ...officer, municipalityCode: '032078' })
        .expect(400);
      expect(refusal(response)[0].message).toMatch(/check digit of 032078 should be 7/);
    });

    it('says a well-formed code names no local government (999997)', async () => {
      const response = await http()
        .post('/v1/auth/dev-tokens')
        .send({ ...officer, municipalityCode: '999997' })
        .expect(400);
      expect(refusal(response)).toEqual([
        {
          field: 'municipalityCode',
          rule: 'local_government_exists',
          message: "municipalityCode: 999997 names no local government in MIC's 全国地方公共団体コード",
        },
      ]);
    });
  });

  describe('a protected route', () => {
    const expectRefusal = (response: request.Response, rule: string, message?: RegExp) => {
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 401, title: 'Unauthorized' });
      expect(refusal(response)).toEqual([
        { field: 'authorization', rule, message: expect.stringMatching(message ?? /./) },
      ]);
    };

    it('answers 401 token_missing with a bare Bearer challenge when no token is sent', async () => {
      const response = await me().expect(401);
      expectRefusal(response, 'token_missing');
      expect(response.headers['www-authenticate']).toBe('Bearer realm="l10k"');
    });

    it.each([
      ['Bearer not-a-jwt', /malformed/],
      ['Bearer a.b.c', /malformed/],
      ['Basic dXNlcjpwYXNz', /must be "Bearer <token>"/],
      ['Bearer', /must be "Bearer <token>"/],
      ['Bearer two tokens', /must be "Bearer <token>"/],
    ])('answers 401 token_invalid to the header %j', async (authorization, message) => {
      const response = await me(authorization).expect(401);
      expectRefusal(response, 'token_invalid', message);
      expect(response.headers['www-authenticate']).toMatch(
        /^Bearer realm="l10k", error="invalid_token", error_description="[^"]+"$/,
      );
    });

    it('answers 401 token_expired to a token past its exp', async () => {
      const { token } = await issueDevToken(key, officer, 60, new Date(Date.now() - 2 * 60_000));
      const response = await me(`Bearer ${token}`).expect(401);
      expectRefusal(response, 'token_expired', /the token expired at \d{4}-/);
      expect(response.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    });

    it('answers 401 token_invalid to a token signed with another secret', async () => {
      const { token } = await issueDevToken(
        new TextEncoder().encode('another-secret-of-thirty-two-characters!'),
        officer,
        60,
      );
      expectRefusal(await me(`Bearer ${token}`).expect(401), 'token_invalid', /signature does not verify/);
    });

    it('answers 401 token_invalid to a token whose payload was changed after signing', async () => {
      const { token } = await issueDevToken(key, officer, 60);
      const [header, , signature] = token.split('.');
      const forged = Buffer.from(
        JSON.stringify({ ...officer, roles: ['program_officer'], iss: 'l10k-dev', exp: 9999999999 }),
      ).toString('base64url');
      expectRefusal(
        await me(`Bearer ${header}.${forged}.${signature}`).expect(401),
        'token_invalid',
        /signature/,
      );
    });

    it('answers 401 token_invalid to an unsigned (alg none) token', async () => {
      const token = new UnsecuredJWT({ ...officer }).setIssuer('l10k-dev').setExpirationTime('1h').encode();
      expectRefusal(await me(`Bearer ${token}`).expect(401), 'token_invalid', /algorithm/i);
    });

    it('answers 401 token_invalid to a token with the right key from another issuer', async () => {
      const token = await new SignJWT({
        name: officer.name,
        roles: officer.roles,
        municipalityCode: officer.municipalityCode,
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(officer.sub)
        .setIssuer('someone-else')
        .setExpirationTime('1h')
        .sign(key);
      expectRefusal(await me(`Bearer ${token}`).expect(401), 'token_invalid', /"iss" claim/);
    });

    it('answers 401 token_invalid to a token without exp', async () => {
      const token = await new SignJWT({
        name: officer.name,
        roles: officer.roles,
        municipalityCode: officer.municipalityCode,
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(officer.sub)
        .setIssuer('l10k-dev')
        .sign(key);
      expectRefusal(await me(`Bearer ${token}`).expect(401), 'token_invalid', /"exp" claim/);
    });

    it.each([
      [{ roles: ['mayor'] }, /"roles" claim/],
      [{ roles: ['市長 "x"\n'] }, /"roles" claim/],
      [{ roles: [] }, /"roles" claim/],
      [{ municipalityCode: null }, /"municipalityCode" claim is required/],
      [{ municipalityCode: '032078' }, /"municipalityCode" claim is invalid: The check digit/],
      [{ municipalityCode: '999997' }, /"municipalityCode" claim 999997 names no local government/],
      [{ name: '' }, /"name" claim/],
    ])(
      'answers 401 token_invalid naming the claim to a well-signed token with claims %j',
      async (claims, message) => {
        const token = await new SignJWT({
          name: officer.name,
          roles: officer.roles,
          municipalityCode: officer.municipalityCode,
          ...claims,
        })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(officer.sub)
          .setIssuer('l10k-dev')
          .setExpirationTime('1h')
          .sign(key);
        expectRefusal(await me(`Bearer ${token}`).expect(401), 'token_invalid', message);
      },
    );
  });

  describe('public routes', () => {
    it.each([
      ['GET', '/v1/rule-sets'],
      ['GET', '/v1/rounds/2025-06'],
      ['GET', '/health/live'],
      ['GET', '/docs-json'],
    ])('%s %s answers without a token, and ignores a bad one', async (_method, path) => {
      await http().get(path).expect(200);
      await http().get(path).set('Authorization', 'Bearer garbage').expect(200);
    });

    it('POST /v1/funding/calculations needs no token (a 400 for an empty plan, not a 401)', async () => {
      const response = await http().post('/v1/funding/calculations').send({}).expect(400);
      expect(refusal(response).some((error: { field: string }) => error.field === 'authorization')).toBe(
        false,
      );
    });

    it('an unknown route is a 404 problem, not a 401', async () => {
      const response = await http().get('/v1/nowhere').expect(404);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });
});
