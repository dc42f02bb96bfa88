import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MAX_JSON_DEPTH } from '../src/problem-details/json-body-guard';
import { useWorkflowApi } from './api-test-app';
import { TONO, completePlan } from './workflow-client';

/** A calculator question that answers 200 as it stands, written as JSON text so any byte can be changed. */
const CALCULATION = JSON.stringify({
  fiscalYear: 2025,
  municipality: { disadvantagedArea: true, fiscalStrengthIndex: 0.21 },
  costs: [{ category: 'facility', amount: 60_000_000 }],
  funding: {
    grant: 20_000_000,
    loan: { amount: 30_000_000, lenderType: 'shinkin_bank' },
    ownFunds: 10_000_000,
  },
  priorityCategories: [],
});

/** The inputs that answered 500 in issue 14's fuzzing, each now a 400 naming what is wrong, writing nothing. */
describe('hostile input', () => {
  const api = useWorkflowApi();

  const events = async (): Promise<number> => {
    const [{ count }] = await api.app.get(DataSource).query('SELECT count(*)::int AS count FROM events');
    return count;
  };

  /** Sends the JSON text as written (supertest would re-serialise an object). */
  const raw = async (method: 'post' | 'put', path: string, json: string, token?: string) => {
    const server = request(api.app.getHttpServer());
    let call = (method === 'post' ? server.post(path) : server.put(path))
      .set('content-type', 'application/json')
      .set('idempotency-key', `hostile-${randomUUID()}`);
    if (token) call = call.set('authorization', `Bearer ${token}`);
    return call.send(json);
  };
  const calculate = (json: string) => raw('post', '/v1/funding/calculations', json);
  const municipalityToken = () => api.client.token(`officer-${TONO}`, 'municipality', TONO);
  const officerToken = () => api.client.token('officer-mic', 'program_officer');

  const expectProblem = (response: request.Response, field: string, rule: string) => {
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field, rule }));
    return response.body.errors.find((error: { field: string; rule: string }) => error.rule === rule);
  };

  it('the calculator still answers the plain question (the bodies below differ from it in one place)', async () => {
    expect((await calculate(CALCULATION)).status).toBe(200);
  });

  describe('deeply nested JSON', () => {
    const nested = (levels: number) => `{"fiscalYear":${'['.repeat(levels)}${']'.repeat(levels)}}`;

    it('about 2,000 levels on the public calculator: 400 json_depth naming the limit', async () => {
      const error = expectProblem(await calculate(nested(2_000)), 'body', 'json_depth');
      expect(error.message).toContain(String(MAX_JSON_DEPTH));
      expect(error.figures).toEqual({ maxDepth: MAX_JSON_DEPTH });
    });

    it('on a write route, before the idempotency fingerprint: 400 and nothing written', async () => {
      const before = await events();
      const body = `{"plan":${'{"x":'.repeat(5_000)}1${'}'.repeat(5_000)}}`;
      expectProblem(
        await raw('post', '/v1/applications', body, await municipalityToken()),
        'body',
        'json_depth',
      );
      expect(await events()).toBe(before);
    });

    it('exactly at the limit is not a depth problem (the DTO answers instead)', async () => {
      // The body object is level 1, so MAX_JSON_DEPTH - 1 arrays inside it reach the limit.
      const response = await calculate(nested(MAX_JSON_DEPTH - 1));
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { rule: string }) => error.rule)).not.toContain('json_depth');
    });
  });

  describe('numbers beyond a double (1e400 parses as Infinity)', () => {
    it('PUT /v1/fiscal-years/2026/budget {"nationalBudget":1e400}: 400 naming the field, nothing written', async () => {
      const before = await events();
      const response = await raw(
        'put',
        '/v1/fiscal-years/2026/budget',
        '{"nationalBudget":1e400,"intakeOpen":true}',
        await officerToken(),
      );
      expectProblem(response, 'nationalBudget', 'finite_number');
      expect(await events()).toBe(before);
    });

    it('anywhere in the body, negative too', async () => {
      const body = CALCULATION.replace('"amount":60000000', '"amount":-1e400');
      expectProblem(await calculate(body), 'costs[0].amount', 'finite_number');
    });
  });

  describe('strings that are not text', () => {
    it('U+0000 in a plan field: 400 naming the field, nothing written', async () => {
      const before = await events();
      const plan = JSON.stringify({ plan: completePlan() }).replace(
        '"projectTitle":"',
        '"projectTitle":"\\u0000',
      );
      const response = await raw('post', '/v1/applications', plan, await municipalityToken());
      expectProblem(response, 'plan.projectTitle', 'unicode_text');
      expect(await events()).toBe(before);
    });

    it('a lone surrogate deep in an array: 400 naming its path', async () => {
      const body = CALCULATION.replace(
        '"category":"facility"',
        '"category":"facility","description":"醸造\\ud800所"',
      );
      expectProblem(await calculate(body), 'costs[0].description', 'unicode_text');
    });

    it('a well-formed surrogate pair (an emoji) is text', async () => {
      const body = CALCULATION.replace(
        '"category":"facility"',
        '"category":"facility","description":"\\ud83c\\udf7a"',
      );
      expect((await calculate(body)).status).toBe(200);
    });

    it('U+0000 in a property name: 400, the name written escaped', async () => {
      const body = CALCULATION.replace('{"fiscalYear"', '{"a\\u0000b":1,"fiscalYear"');
      expectProblem(await calculate(body), 'a\\u0000b', 'unicode_text');
    });
  });

  it('an array where a cost item belongs ("costs":[[]]): 400 naming costs', async () => {
    const body = CALCULATION.replace(/"costs":\[.*?\]/, '"costs":[[]]');
    const error = expectProblem(await calculate(body), 'costs', 'is_object');
    expect(error.message).toMatch(/each cost in costs must be an object/);
  });

  it('an array where a draft’s cost item belongs: 400 naming plan.costs, and no draft is stored', async () => {
    const before = await events();
    const answer = await api.client
      .municipality(TONO)
      .post('/v1/applications', { plan: { costs: [[]] } })
      .response();
    expectProblem(answer, 'plan.costs', 'is_object');
    expect(await events()).toBe(before);
  });

  it('a fiscal-strength index with too many decimals: the message names the two-decimal rule', async () => {
    const body = CALCULATION.replace('"fiscalStrengthIndex":0.21', '"fiscalStrengthIndex":0.2499');
    const error = expectProblem(await calculate(body), 'municipality.fiscalStrengthIndex', 'is_number');
    expect(error.message).toMatch(/at most two decimals/);
    expect(error.message).toContain('財政力指数');
  });

  describe.each(['__proto__', 'constructor', 'toString'])('a top-level "%s" key', (key) => {
    it('is refused like any other unknown key', async () => {
      const body = CALCULATION.replace('{"fiscalYear"', `{"${key}":{"polluted":true},"fiscalYear"`);
      const error = expectProblem(await calculate(body), key, 'unknown_field');
      expect(error.message).toBe(`property ${key} should not exist`);
    });

    it('on a write route too, writing nothing', async () => {
      const before = await events();
      const body = JSON.stringify({ plan: completePlan() }).replace('{"plan"', `{"${key}":1,"plan"`);
      expectProblem(
        await raw('post', '/v1/applications', body, await municipalityToken()),
        key,
        'unknown_field',
      );
      expect(await events()).toBe(before);
    });
  });

  it('names several bad fields in one answer', async () => {
    const body = CALCULATION.replace('"fiscalYear":2025', '"fiscalYear":1e999').replace(
      '"lenderType":"shinkin_bank"',
      '"lenderType":"shinkin\\udc00"',
    );
    const response = await calculate(body);
    expectProblem(response, 'fiscalYear', 'finite_number');
    expectProblem(response, 'funding.loan.lenderType', 'unicode_text');
  });

  describe('paths the router refuses before any route runs', () => {
    it('a path parameter longer than 100 characters: 414 naming the path', async () => {
      const response = await request(api.app.getHttpServer())
        .get(`/v1/applications/${'a'.repeat(101)}`)
        .set('authorization', `Bearer ${await officerToken()}`);
      expect(response.status).toBe(414);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'path', rule: 'max_length' })]);
    });

    it('a path that is not valid percent-encoding: 400 naming the path', async () => {
      const response = await request(api.app.getHttpServer()).get('/v1/applications/%E0%A4%A');
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'path', rule: 'url_encoding' }),
      ]);
    });
  });
});
