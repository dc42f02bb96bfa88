import request from 'supertest';
import { useWorkflowApi } from './api-test-app';
import { TONO } from './workflow-client';

/** The policy as the browser reads it: directive name → its sources. */
function policyOf(response: request.Response): Map<string, string[]> {
  const header = response.headers['content-security-policy'] as string | undefined;
  expect(header).toBeDefined();
  return new Map(
    (header as string)
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('security headers', () => {
  const api = useWorkflowApi();
  const http = () => request(api.app.getHttpServer());
  const municipalityToken = () => api.client.token(`officer-${TONO}`, 'municipality', TONO);

  describe('on every answer', () => {
    it.each([
      ['the OpenAPI page', () => http().get('/docs/')],
      ['a public answer', () => http().get('/health/live')],
      [
        'a problem',
        () => http().post('/v1/funding/calculations').set('content-type', 'application/json').send('{'),
      ],
      ['an unknown path', () => http().get('/v1/no-such-thing')],
    ])('%s: nosniff, a CSP, no framing, no x-powered-by', async (_name, call) => {
      const response = await call();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['x-frame-options']).toBe('DENY');
      const policy = policyOf(response);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    });
  });

  describe('a CSP that fits /docs and a single-page app from this origin', () => {
    it('allows scripts from this origin only, never inline, and no plugins', async () => {
      const policy = policyOf(await http().get('/docs/'));
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('script-src-attr')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      expect(policy.has('upgrade-insecure-requests')).toBe(false);
    });

    it('the Swagger UI page loads every script from this origin, none inline, and each is served', async () => {
      const page = await http().get('/docs/').expect(200);
      const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(body.trim()).toBe('');
        const src = /src=["']([^"']+)["']/.exec(attributes)?.[1];
        expect(src).toBeDefined();
        expect(src).not.toMatch(/^(https?:)?\/\//);
        const script = await http().get(new URL(src as string, 'http://api.test/docs/').pathname);
        expect(script.status).toBe(200);
        expect(script.headers['content-type']).toMatch(/javascript/);
      }
    });
  });

  describe('Cache-Control: no-store', () => {
    it('on an authenticated answer', async () => {
      const response = await http()
        .get('/v1/auth/me')
        .set('authorization', `Bearer ${await municipalityToken()}`)
        .expect(200);
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('on the refusal of a route that needs a token', async () => {
      const response = await http().get('/v1/auth/me').expect(401);
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('on an issued dev token', async () => {
      const response = await http()
        .post('/v1/auth/dev-tokens')
        .send({ sub: 'someone', name: 'Someone', roles: ['auditor'] })
        .expect(200);
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('not on a public answer that is the same for everyone', async () => {
      const response = await http().get('/v1/rule-sets').expect(200);
      expect(response.headers['cache-control']).not.toBe('no-store');
    });
  });
});
