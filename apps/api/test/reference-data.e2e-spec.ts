import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startApiForTest } from './api-test-app';

describe('rule sets, rounds, health and docs', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApiForTest();
  });
  afterAll(async () => {
    await app.close();
  });
  const get = (path: string) => request(app.getHttpServer()).get(path);

  it('lists every rule set as data, oldest first, a page at a time', async () => {
    const response = await get('/v1/rule-sets').expect(200);
    expect(response.body.items.map((set: { id: string }) => set.id)).toEqual([
      'FY2023-v1',
      'FY2024-v1',
      'FY2025-v1',
    ]);
    expect(response.body.nextCursor).toBeNull();

    const first = await get('/v1/rule-sets?limit=2').expect(200);
    expect(first.body.items.map((set: { id: string }) => set.id)).toEqual(['FY2023-v1', 'FY2024-v1']);
    const rest = await get(`/v1/rule-sets?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(rest.body).toEqual({ items: [expect.objectContaining({ id: 'FY2025-v1' })], nextCursor: null });
  });

  it('shows one rule set by id, and 404 names an unknown one', async () => {
    const response = await get('/v1/rule-sets/FY2024-v1').expect(200);
    expect(response.body).toMatchObject({ id: 'FY2024-v1', fiscalYear: 2024 });
    const missing = await get('/v1/rule-sets/FY1999-v1').expect(404);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'id', rule: 'rule_set_exists' })]);
  });

  it('shows each track with its lenders, caps and rates as exact fractions: what a form offers and a reader checks', async () => {
    const { body } = await get('/v1/rule-sets/FY2025-v1').expect(200);
    const { national, local } = body.tracks;
    expect(national.eligibleLenderTypes).toContain('shinkin_bank');
    expect(national.eligibleLenderTypes).not.toContain('crowdfunding');
    expect(local.eligibleLenderTypes).toContain('crowdfunding');
    expect(national.capBands).toEqual([
      { multipleAtLeast: { numerator: 0, denominator: 1 }, cap: 25_000_000 },
      { multipleAtLeast: { numerator: 3, denominator: 2 }, cap: 35_000_000 },
      { multipleAtLeast: { numerator: 2, denominator: 1 }, cap: 50_000_000 },
    ]);
    expect(national.nationalSubsidy.base).toEqual({ numerator: 1, denominator: 2 });
    expect(national.nationalSubsidy.priorityCategories).toEqual({
      digital: { numerator: 3, denominator: 4 },
      decarbonization: { numerator: 3, denominator: 4 },
      women_youth: { numerator: 3, denominator: 4 },
    });
    expect(local.nationalSubsidy).toBeNull();
    expect(local.reviewRequirements).not.toContain('model_case');
    expect(body.postAward.reportDueInNextFiscalYear).toEqual({ month: 4, day: 10 });

    const before = await get('/v1/rule-sets/FY2023-v1').expect(200);
    expect(before.body.tracks.local).toBeNull();
  });

  it('describes a round: deadline on the 10th JST, decision due 42 days later', async () => {
    const response = await get('/v1/rounds/2025-06').expect(200);
    expect(response.body).toEqual({
      round: '2025-06',
      fiscalYear: 2025,
      deadline: '2025-06-10T23:59:59.999+09:00',
      decisionDueDate: '2025-07-22',
      ruleSetId: 'FY2025-v1',
      provisional: false,
    });
  });

  it('puts a February round in the previous fiscal year', async () => {
    const response = await get('/v1/rounds/2026-02').expect(200);
    expect(response.body).toMatchObject({
      round: '2026-02',
      fiscalYear: 2025,
      decisionDueDate: '2026-03-24',
    });
  });

  it.each([
    ['2025-06-10T23:59:59.999+09:00', '2025-06'],
    ['2025-06-10T14:59:59.999Z', '2025-06'],
    ['2025-06-11T00:00:00.000+09:00', '2025-07'],
    ['2025-12-11T00:00:00+09:00', '2026-01'],
  ])('puts a submission at %s in round %s', async (at, round) => {
    const response = await get(`/v1/rounds/for-instant?at=${encodeURIComponent(at)}`).expect(200);
    expect(response.body.round).toBe(round);
  });

  it.each([
    ['/v1/rounds/2025-13', 'round'],
    ['/v1/rounds/june', 'round'],
    ['/v1/rounds/for-instant', 'at'],
    ['/v1/rounds/for-instant?at=2025-06-10T12:00:00', 'at'],
    ['/v1/rounds/for-instant?at=yesterday', 'at'],
    ['/v1/rounds/for-instant?at=9999-12-31T23:59:59.999Z', 'at'],
    ['/v1/rule-sets?limit=0', 'limit'],
    ['/v1/rule-sets?limit=201', 'limit'],
    ['/v1/rule-sets?cursor=not-a-cursor', 'cursor'],
  ])('refuses %s with a 400 naming %s', async (path, field) => {
    const response = await get(path).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
  });

  it('reports liveness and readiness', async () => {
    await get('/health/live').expect(200, { status: 'ok', info: {}, error: {}, details: {} });
    const ready = await get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({
      database: { status: 'up' },
      eventStore: { status: 'up' },
      projections: { status: 'up' },
    });
  });

  it('publishes the OpenAPI document with the calculator', async () => {
    const response = await get('/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/funding/calculations',
        '/v1/rule-sets',
        '/v1/rule-sets/{id}',
        '/v1/rounds/{round}',
        '/v1/rounds/for-instant',
        '/health/live',
        '/health/ready',
      ]),
    );
    await get('/docs').expect(200);
  });

  it('documents what every route answers: a schema for each success, JSON or a file', async () => {
    const { body } = await get('/docs-json').expect(200);
    type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
    const undocumented: string[] = [];
    for (const [path, operations] of Object.entries(body.paths as Record<string, Record<string, Operation>>))
      for (const [method, { responses }] of Object.entries(operations)) {
        const successes = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
        if (successes.length === 0) undocumented.push(`${method} ${path}: no success`);
        for (const [status, { content }] of successes) {
          if (status === '204') continue;
          const media = Object.entries(content ?? {});
          if (media.length === 0) undocumented.push(`${method} ${path} ${status}: no content`);
          for (const [type, { schema }] of media)
            if (schema === undefined) undocumented.push(`${method} ${path} ${status} ${type}: no schema`);
        }
      }
    expect(undocumented).toEqual([]);
    expect(body.paths['/v1/auth/me'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/MeView',
    });
  });

  it('answers an unknown route with a problem, not an HTML page', async () => {
    const response = await get('/v1/nowhere').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('echoes a correlation id, or makes one', async () => {
    const given = await get('/health/live').set('x-correlation-id', 'abc-123').expect(200);
    expect(given.headers['x-correlation-id']).toBe('abc-123');
    const made = await get('/health/live').expect(200);
    expect(made.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
