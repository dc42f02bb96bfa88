import Fastify, { type FastifyInstance } from 'fastify';
import { readBodiesAsTheApiDoes } from './json-body-parser';

async function echoServer(): Promise<FastifyInstance> {
  const fastify = Fastify();
  readBodiesAsTheApiDoes(fastify);
  fastify.setErrorHandler((error, _request, reply) =>
    reply
      .status((error as { statusCode?: number }).statusCode ?? 500)
      .send({ code: (error as { code?: string }).code }),
  );
  fastify.post('/echo', async (request) => ({
    body: request.body === undefined ? 'none' : request.body,
    keys: typeof request.body === 'object' && request.body !== null ? Object.keys(request.body) : [],
  }));
  await fastify.ready();
  return fastify;
}

const post = (fastify: FastifyInstance, contentType: string, payload: string) =>
  fastify.inject({ method: 'POST', url: '/echo', headers: { 'content-type': contentType }, payload });

describe('request bodies, read as the API has always read them', () => {
  it('parses a JSON object or array', async () => {
    const fastify = await echoServer();
    expect((await post(fastify, 'application/json', '{"a":1}')).json().body).toEqual({ a: 1 });
    expect((await post(fastify, 'application/json; charset=utf-8', '[1]')).json().body).toEqual([1]);
  });

  it('refuses JSON whose top level is not an object or an array, as a syntax error', async () => {
    const answer = await post(await echoServer(), 'application/json', '"text"');
    expect([answer.statusCode, answer.json().code]).toEqual([400, 'FST_ERR_CTP_INVALID_JSON_BODY']);
  });

  it('refuses malformed JSON', async () => {
    const answer = await post(await echoServer(), 'application/json', '{"a":');
    expect([answer.statusCode, answer.json().code]).toEqual([400, 'FST_ERR_CTP_INVALID_JSON_BODY']);
  });

  it('refuses a charset other than UTF-8 with 415', async () => {
    const answer = await post(await echoServer(), 'application/json; charset=latin1', '{"a":1}');
    expect([answer.statusCode, answer.json().code]).toEqual([415, 'L10K_UNSUPPORTED_CHARSET']);
  });

  it('refuses a body above 1 MB with 413', async () => {
    const answer = await post(await echoServer(), 'application/json', `{"a":"${'x'.repeat(1024 * 1024)}"}`);
    expect([answer.statusCode, answer.json().code]).toEqual([413, 'FST_ERR_CTP_BODY_TOO_LARGE']);
  });

  it('takes an empty JSON body as no body', async () => {
    expect((await post(await echoServer(), 'application/json', '')).json().body).toBe('none');
  });

  it('keeps __proto__ as a plain key, for the JSON guard to refuse by name (nothing is polluted)', async () => {
    const answer = await post(await echoServer(), 'application/json', '{"__proto__":{"polluted":true}}');
    expect(answer.json().keys).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves any other content type unread', async () => {
    const fastify = await echoServer();
    expect((await post(fastify, 'text/plain', 'hello')).json().body).toBe('none');
    expect((await post(fastify, 'application/x-www-form-urlencoded', 'a=1')).json().body).toBe('none');
  });
});
