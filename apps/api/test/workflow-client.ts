import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Role } from '@l10k/domain';

export const TEST_ENV = { DEV_TOKEN_SECRET: 'test-secret-for-dev-tokens-0123456789abcdef' };

/** 遠野市 (032077) and 千代田区 (131016): two municipalities, to prove neither sees the other. */
export const TONO = '032077';
export const CHIYODA = '131016';

/** A complete FY2025 plan worked by hand: G 20,000,000 + L 30,000,000 + S 10,000,000 = 60,000,000 facility. */
export function completePlan(grant = 20_000_000) {
  return {
    business: { name: '株式会社とおの醸造', corporateNumber: '1234567890123' },
    projectTitle: '地元産ホップのクラフトビール醸造所',
    summary: '遠野産ホップを使った醸造所の新設',
    municipality: { disadvantagedArea: true, fiscalStrengthIndex: 0.21 },
    costs: [{ category: 'facility', amount: 60_000_000, description: '醸造所の改修' }],
    funding: {
      grant,
      loan: { amount: 30_000_000, lenderType: 'shinkin_bank', lenderName: '遠野信用金庫', secured: false },
      ownFunds: 60_000_000 - 30_000_000 - grant,
    },
    priorityCategories: [],
    schedule: { start: '2025-07-01', completion: '2026-03-31' },
  };
}

export const allMet = (track: 'national' | 'local' = 'national', met = true) =>
  Object.fromEntries(
    [
      'local_resources',
      'public_challenge',
      'regional_financing',
      'novelty',
      ...(track === 'national' ? ['model_case'] : []),
    ].map((requirement) => [requirement, { met, comment: met ? '要件を満たす' : '要件を満たさない' }]),
  );

/** Talks to the API as the people of DOMAIN.md's actors table do, each with a dev token. */
export class WorkflowClient {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly app: INestApplication) {}

  async token(sub: string, role: Role | readonly Role[], municipalityCode?: string): Promise<string> {
    const roles = typeof role === 'string' ? [role] : role;
    const cacheKey = `${sub}/${roles.join('+')}/${municipalityCode ?? ''}`;
    const cached = this.tokens.get(cacheKey);
    if (cached) return cached;
    const response = await request(this.app.getHttpServer())
      .post('/v1/auth/dev-tokens')
      .send({ sub, name: sub, roles, ...(municipalityCode ? { municipalityCode } : {}) })
      .expect(200);
    this.tokens.set(cacheKey, response.body.token);
    return response.body.token;
  }

  municipality(code = TONO) {
    return this.as(`officer-${code}`, 'municipality', code);
  }
  officer() {
    return this.as('officer-mic', 'program_officer');
  }
  reviewer(sub: string) {
    return this.as(sub, 'reviewer');
  }
  auditor() {
    return this.as('auditor-1', 'auditor');
  }

  /**
   * Requests as this person. The token is fetched lazily, so a call reads like supertest:
   * `await as(...).post(path, body).expect(200)`; `.response()` gives the answer unchecked.
   */
  as(sub: string, role: Role | readonly Role[], municipalityCode?: string) {
    const send = (
      method: 'post' | 'put' | 'get',
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const run = async (): Promise<request.Response> => {
        const token = await this.token(sub, role, municipalityCode);
        let call = request(this.app.getHttpServer())[method](path).set('authorization', `Bearer ${token}`);
        for (const [name, value] of Object.entries(headers)) call = call.set(name, value);
        return body === undefined ? call : call.send(body as object);
      };
      return {
        response: run,
        expect: async (status: number): Promise<request.Response> => {
          const response = await run();
          if (response.status !== status) {
            throw new Error(
              `${method.toUpperCase()} ${path} as ${sub} (${String(role)}): expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`,
            );
          }
          return response;
        },
      };
    };
    return {
      post: (path: string, body?: unknown, headers?: Record<string, string>) =>
        send('post', path, body, headers),
      put: (path: string, body?: unknown, headers?: Record<string, string>) =>
        send('put', path, body, headers),
      get: (path: string, headers?: Record<string, string>) => send('get', path, undefined, headers),
    };
  }
}
