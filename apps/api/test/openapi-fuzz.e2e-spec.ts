import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { useWorkflowApi } from './api-test-app';
import { hostileHeader, hostileSegment, anyJson, percentEncode } from './fuzz/hostile-values';
import { jsonText } from './fuzz/json-text';
import { mutatedSeed } from './fuzz/mutated-seed';
import {
  SchemaArbitraries,
  type OpenApiDocument,
  type Operation,
  type Parameter,
} from './fuzz/openapi-arbitrary';
import { CHIYODA, TONO, allMet, completePlan } from './workflow-client';

/**
 * Replay a failure with the seed it names: FUZZ_SEED=… npx jest openapi-fuzz. FUZZ_REQUESTS
 * runs longer; the default sends a little over 5,000 (about 30–70 s, with the machine's load).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5_200);
/** One key sent with many different requests, so later ones meet the idempotency record of an earlier one. */
const REUSED_KEY = '6f0e2b4c-1d3a-4e5f-8a9b-0c1d2e3f4a5b';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Route {
  readonly method: Method;
  readonly path: string;
  readonly operation: Operation;
}

interface FuzzRequest {
  readonly method: Method;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

interface Answer {
  readonly index: number;
  readonly request: FuzzRequest;
  readonly status: number;
  readonly text: string;
  readonly contentType: string;
  /** Absent when Node's HTTP parser answered (431, 400) before the application saw the request. */
  readonly correlationId?: string;
}

/** Requests in flight at once, and how many are sent between two projector catch-ups. */
const CONCURRENCY = 6;
const CHUNK = 500;

const MALFORMED_BODIES = [
  '{',
  '{"a":}',
  '',
  'nul',
  '[1,]',
  '{"a":1,"a":2}',
  '\u0000',
  '"\\ud800"',
  '1e400',
  '-0',
];
/** Bodies each route takes as they stand (by method and path): the fuzzer breaks one thing in them at a time. */
const VALID_BODIES: Record<string, unknown> = {
  'post /v1/auth/dev-tokens': {
    sub: 'clerk',
    name: 'clerk',
    roles: ['municipality'],
    municipalityCode: TONO,
  },
  'post /v1/funding/calculations': {
    fiscalYear: 2025,
    municipality: { disadvantagedArea: true, fiscalStrengthIndex: 0.21 },
    costs: [{ category: 'facility', amount: 60_000_000 }],
    funding: {
      grant: 20_000_000,
      loan: { amount: 30_000_000, lenderType: 'shinkin_bank' },
      ownFunds: 10_000_000,
    },
    priorityCategories: [],
  },
  'post /v1/applications': { plan: completePlan() },
  'put /v1/applications/{id}/plan': { plan: completePlan(15_000_000) },
  'post /v1/applications/{id}/withdraw': { reason: '事業者の都合により辞退' },
  'post /v1/applications/{id}/reviewers': { reviewerId: 'reviewer-2' },
  'post /v1/applications/{id}/conflict-declarations': { hasConflict: false },
  'post /v1/applications/{id}/reviews': { assessments: allMet(), recommendation: 'adopt', comment: '妥当' },
  'post /v1/applications/{id}/revision-requests': { reason: '資金計画の根拠を補ってください' },
  'post /v1/applications/{id}/decision': { outcome: 'rejected', reason: '予算の範囲を超える' },
  'put /v1/fiscal-years/{fy}/budget': { nationalBudget: 2_000_000_000, intakeOpen: true },
};

const CONTENT_TYPES = [
  'text/plain',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/problem+json',
];

describe('every route of the OpenAPI document, fuzzed with hostile input', () => {
  const api = useWorkflowApi();
  let base: string;
  let routes: Route[];
  let schemas: SchemaArbitraries;
  let shapes: SchemaArbitraries;
  const callers: Array<string | undefined> = [undefined, 'Bearer not-a-token'];
  const known: Record<string, string[]> = {
    fy: ['2025', '2026'],
    round: ['2025-06', '2025-07'],
    code: [TONO, CHIYODA],
  };

  beforeAll(async () => {
    await api.app.listen(0, '127.0.0.1');
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    const document = (await (await fetch(`${base}/docs-json`)).json()) as OpenApiDocument;
    schemas = new SchemaArbitraries(document);
    shapes = new SchemaArbitraries(document, 0);
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({ method: method as Method, path, operation })),
    );

    // Real ids in every state the fixtures reach, so that generated requests get past "not found".
    const { client } = api;
    const officer = client.officer();
    const tono = client.municipality(TONO);
    await officer
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 1_000_000_000, intakeOpen: true })
      .expect(200);
    const draft = await tono.post('/v1/applications', { plan: completePlan() }).expect(201);
    const submitted = await tono.post('/v1/applications', { plan: completePlan(10_000_000) }).expect(201);
    await tono.post(`/v1/applications/${submitted.body.id}/submit`).expect(200);
    await officer
      .post(`/v1/applications/${submitted.body.id}/reviewers`, { reviewerId: 'reviewer-1' })
      .expect(200);
    const chiyoda = await client
      .municipality(CHIYODA)
      .post('/v1/applications', { plan: completePlan() })
      .expect(201);
    known.id = [draft.body.id, submitted.body.id, chiyoda.body.id, '7d3f1c2e-9b8a-4c6d-8e5f-1a2b3c4d5e6f'];
    known.changeId = ['7d3f1c2e-9b8a-4c6d-8e5f-1a2b3c4d5e6f'];

    for (const token of [
      await client.token(`officer-${TONO}`, 'municipality', TONO),
      await client.token(`officer-${CHIYODA}`, 'municipality', CHIYODA),
      await client.token('officer-mic', 'program_officer'),
      await client.token('reviewer-1', 'reviewer'),
      await client.token('auditor-1', 'auditor'),
      await client.token(`dual-${TONO}`, ['municipality', 'program_officer'], TONO),
    ]) {
      callers.push(`Bearer ${token}`);
    }
  });

  const parameterValue = (parameter: Parameter): fc.Arbitrary<string> => {
    const valid = known[parameter.name]
      ? fc.constantFrom(...known[parameter.name])
      : schemas.value(parameter.schema).map((value) => (typeof value === 'string' ? value : jsonText(value)));
    return fc.oneof(
      { weight: 3, arbitrary: valid.map(percentEncode) },
      { weight: 1, arbitrary: hostileSegment },
    );
  };

  const bodyFor = (route: Route): fc.Arbitrary<string | undefined> => {
    const schema = route.operation.requestBody?.content['application/json']?.schema;
    const shaped = schema ? schemas.value(schema).map(jsonText) : anyJson.map(jsonText);
    const seed = VALID_BODIES[`${route.method} ${route.path}`];
    return fc.oneof(
      { weight: schema ? 4 : 1, arbitrary: shaped },
      {
        weight: seed === undefined ? 0 : 4,
        arbitrary: seed === undefined ? shaped : mutatedSeed(seed).map(jsonText),
      },
      { weight: 1, arbitrary: anyJson.map(jsonText) },
      { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_BODIES) },
      { weight: schema ? 1 : 6, arbitrary: fc.constant(undefined) },
    );
  };

  /**
   * A request a well-behaved client could send: the schema's shape, a known id, a fresh key,
   * no If-Match. It reaches the handlers and often writes, so "only 2xx writes" is put to work.
   */
  const wellFormedFor = (route: Route): fc.Arbitrary<FuzzRequest> => {
    const parameters = route.operation.parameters ?? [];
    const inPath = parameters.filter((parameter) => parameter.in === 'path');
    const schema = route.operation.requestBody?.content['application/json']?.schema;
    return fc
      .record({
        caller: fc.constantFrom(...callers.slice(2)),
        path: fc.tuple(
          ...inPath.map((parameter) =>
            known[parameter.name]
              ? fc.constantFrom(...known[parameter.name])
              : shapes.value(parameter.schema).map((value) => percentEncode(String(value))),
          ),
        ),
        key: fc.uuid(),
        body:
          route.method === 'get' || !schema
            ? fc.constant(undefined)
            : VALID_BODIES[`${route.method} ${route.path}`] !== undefined
              ? fc.constant(jsonText(VALID_BODIES[`${route.method} ${route.path}`]))
              : shapes.value(schema).map(jsonText),
      })
      .map((generated) => {
        let path = route.path;
        inPath.forEach((parameter, index) => {
          path = path.replace(`{${parameter.name}}`, generated.path[index]);
        });
        const headers: Record<string, string> = { authorization: generated.caller as string };
        if (route.method !== 'get') headers['idempotency-key'] = generated.key;
        if (generated.body !== undefined) headers['content-type'] = 'application/json';
        return {
          method: route.method,
          url: path,
          headers,
          ...(generated.body === undefined ? {} : { body: generated.body }),
        };
      });
  };

  const requestFor = (route: Route): fc.Arbitrary<FuzzRequest> =>
    fc.oneof({ weight: 3, arbitrary: hostileFor(route) }, { weight: 1, arbitrary: wellFormedFor(route) });

  const hostileFor = (route: Route): fc.Arbitrary<FuzzRequest> => {
    const parameters = route.operation.parameters ?? [];
    const inPath = parameters.filter((parameter) => parameter.in === 'path');
    const inQuery = parameters.filter((parameter) => parameter.in === 'query');
    return fc
      .record({
        caller: fc.constantFrom(...callers),
        path: fc.tuple(...inPath.map(parameterValue)),
        query: fc.tuple(...inQuery.map((parameter) => fc.option(parameterValue(parameter), { freq: 2 }))),
        // The same parameter twice (Express then hands over an array), or one the route does not know.
        extraQuery: fc.option(
          fc.tuple(
            fc.oneof(
              fc.constantFrom(...inQuery.map((parameter) => parameter.name), '__proto__', 'x'),
              fc.constant('limit'),
            ),
            hostileSegment,
          ),
          { freq: 5 },
        ),
        ifMatch: fc.option(fc.oneof(fc.constantFrom('0', '1', '2', '5'), hostileHeader), { freq: 3 }),
        idempotencyKey: fc.option(
          fc.oneof({ weight: 6, arbitrary: fc.uuid() }, fc.constant(REUSED_KEY), hostileHeader),
          { freq: 6 },
        ),
        contentType: fc.oneof(
          { weight: 8, arbitrary: fc.constant('application/json') },
          fc.constantFrom(...CONTENT_TYPES),
        ),
        extraHeader: fc.option(
          fc.tuple(fc.constantFrom('accept', 'x-forwarded-for', 'accept-language', 'range'), hostileHeader),
          { freq: 6 },
        ),
        body: route.method === 'get' ? fc.constant(undefined) : bodyFor(route),
      })
      .map((generated) => {
        let path = route.path;
        inPath.forEach((parameter, index) => {
          path = path.replace(`{${parameter.name}}`, generated.path[index]);
        });
        const query = inQuery
          .map((parameter, index) => [parameter.name, generated.query[index]] as const)
          .filter((entry): entry is readonly [string, string] => entry[1] !== null);
        if (generated.extraQuery) query.push(generated.extraQuery);
        const search = query.map(([name, value]) => `${encodeURIComponent(name)}=${value}`).join('&');
        const headers: Record<string, string> = {};
        if (generated.caller) headers.authorization = generated.caller;
        if (generated.ifMatch !== null) headers['if-match'] = generated.ifMatch;
        if (generated.idempotencyKey !== null) headers['idempotency-key'] = generated.idempotencyKey;
        if (generated.extraHeader) headers[generated.extraHeader[0]] = generated.extraHeader[1];
        if (generated.body !== undefined) headers['content-type'] = generated.contentType;
        return {
          method: route.method,
          url: `${path}${search ? `?${search}` : ''}`,
          headers,
          ...(generated.body === undefined ? {} : { body: generated.body }),
        };
      });
  };

  const send = async (request: FuzzRequest): Promise<Omit<Answer, 'index' | 'request'>> => {
    const response = await fetch(`${base}${request.url}`, {
      method: request.method.toUpperCase(),
      headers: request.headers,
      body: request.body,
    });
    const text = await response.text();
    return {
      status: response.status,
      text,
      contentType: response.headers.get('content-type') ?? '',
      correlationId: response.headers.get('x-correlation-id') ?? undefined,
    };
  };

  const describeRequest = ({ request, status, text, index }: Answer): string =>
    `#${index} ${request.method.toUpperCase()} ${request.url.slice(0, 300)} headers=${JSON.stringify(request.headers).slice(0, 300)} body=${JSON.stringify(request.body?.slice(0, 300))} → ${status} ${text.slice(0, 300)}`;

  /** Whether the operation documents this 5xx as its answer (readiness: 503 while a dependency lags). */
  const documented = (answer: Answer): boolean =>
    answer.request.url.split('?')[0] === '/health/ready' &&
    answer.status === 503 &&
    answer.text.includes('not-ready');

  it(
    `answers ${REQUESTS} generated requests (seed ${SEED}) below 500, and only 2xx answers write`,
    async () => {
      const started = Date.now();
      const perRoute = Math.ceil(REQUESTS / routes.length);
      const samples = routes.map((route, index) =>
        fc.sample(requestFor(route), { seed: SEED + index, numRuns: perRoute }),
      );
      // Interleaved, so every route meets the state the others leave behind.
      const requests = Array.from({ length: perRoute }, (_, round) =>
        samples.map((sample) => sample[round]),
      ).flat();
      const generatedIn = (Date.now() - started) / 1000;
      const [{ last }] = await api.app
        .get(DataSource)
        .query('SELECT coalesce(max(global_position), 0)::text AS last FROM events');

      const answers: Answer[] = [];
      for (let chunk = 0; chunk < requests.length; chunk += CHUNK) {
        let next = chunk;
        const worker = async (): Promise<void> => {
          while (next < Math.min(chunk + CHUNK, requests.length)) {
            const index = next++;
            answers.push({ index, request: requests[index], ...(await send(requests[index])) });
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
        // The projector catches up between chunks, so reads and readiness see projected state.
        await api.project();
      }

      // Every event the fuzz run appended carries the correlation id of the request that wrote it.
      const written: Array<{ correlationId: string; count: number }> = await api.app.get(DataSource).query(
        `SELECT metadata->>'correlationId' AS "correlationId", count(*)::int AS count
           FROM events WHERE global_position > $1 GROUP BY 1`,
        [last],
      );
      const byCorrelation = new Map(answers.map((answer) => [answer.correlationId, answer]));
      const writesWhenRefused = written.filter(({ correlationId }) => {
        const answer = byCorrelation.get(correlationId);
        return !answer || answer.status < 200 || answer.status >= 300;
      });
      const failures = answers.filter((answer) => answer.status >= 500 && !documented(answer));
      // Every refusal the application makes is problem+json (Node's parser answers 431 on its own).
      const unexplained = answers.filter(
        (answer) =>
          answer.status >= 400 &&
          answer.correlationId !== undefined &&
          !answer.contentType.startsWith('application/problem+json'),
      );

      const byStatus = new Map<number, number>();
      for (const { status } of answers) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      const counts = [...byStatus.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}: ${count}`);
      const appended = written.reduce((sum, { count }) => sum + count, 0);
      console.log(
        `fuzz seed ${SEED}: ${answers.length} requests over ${routes.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s (${generatedIn.toFixed(1)} s generating), ${appended} events appended by ${written.length} 2xx writes; by status ${counts.join(', ')}`,
      );
      expect(failures.map(describeRequest)).toEqual([]);
      expect(unexplained.map(describeRequest)).toEqual([]);
      expect(
        writesWhenRefused.map(({ correlationId, count }) => {
          const answer = byCorrelation.get(correlationId);
          return `${count} event(s) by ${answer ? describeRequest(answer) : `an unknown request ${correlationId}`}`;
        }),
      ).toEqual([]);
      // Most requests must get past the edge, or the fuzzer proves little about the handlers.
      expect(routes.length).toBeGreaterThan(20);
      expect(answers.length).toBeGreaterThanOrEqual(Math.min(REQUESTS, 5_000));
      expect(answers.length - (byStatus.get(400) ?? 0) - (byStatus.get(401) ?? 0)).toBeGreaterThan(
        answers.length / 5,
      );
    },
    120_000 + REQUESTS * 50,
  );
});
