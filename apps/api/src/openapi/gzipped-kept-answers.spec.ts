import { gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { WrittenOnce } from '../read/written-once';
import { serializeAnswersByDocument } from './response-schemas';
import { SMALLEST_GZIPPED_ANSWER } from './gzipped-kept-answers';

const document = {
  openapi: '3.0.0',
  info: { title: 'spec', version: '1' },
  paths: {
    '/pages/{name}': {
      get: {
        responses: {
          '200': {
            description: 'a page',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { lines: { type: 'array', items: { type: 'string' } } },
                },
              },
            },
          },
        },
      },
    },
  },
} as unknown as OpenAPIObject;

const page = (lines: number) => ({
  lines: Array.from({ length: lines }, (_, index) => `${index}: 申請の一覧`),
});
/** Over the threshold once written (each line is ~20 bytes of JSON). */
const LONG = Math.ceil(SMALLEST_GZIPPED_ANSWER / 10);

/** A server as the API is built (create-api-app.ts): answers verified, then kept ones gzipped. */
async function server(): Promise<FastifyInstance> {
  const fastify = Fastify();
  serializeAnswersByDocument(fastify, document, { verify: true });
  const kept = new WrittenOnce(page(LONG));
  const short = new WrittenOnce(page(3));
  fastify.get('/pages/:name', async (request) => {
    const { name } = request.params as { name: string };
    if (name === 'kept') return kept;
    if (name === 'short') return short;
    return page(LONG);
  });
  await fastify.ready();
  return fastify;
}

const asABrowserAsks = { 'accept-encoding': 'gzip, deflate, br, zstd' };

describe('kept answers gzipped for clients that accept it', () => {
  it('sends a long kept answer gzipped to a browser, the same bytes every time', async () => {
    const fastify = await server();
    const first = await fastify.inject({ url: '/pages/kept', headers: asABrowserAsks });
    const again = await fastify.inject({ url: '/pages/kept', headers: asABrowserAsks });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers.vary).toBe('accept-encoding');
    expect(JSON.parse(gunzipSync(first.rawPayload).toString('utf8'))).toEqual(page(LONG));
    expect(Number(first.headers['content-length'])).toBe(first.rawPayload.length);
    expect(first.rawPayload.length).toBeLessThan(SMALLEST_GZIPPED_ANSWER / 4);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
  });

  it('sends it as it is to a client that does not ask for gzip or refuses it, saying it varies', async () => {
    const fastify = await server();
    for (const headers of [{}, { 'accept-encoding': 'br' }, { 'accept-encoding': 'gzip;q=0, identity' }]) {
      const answer = await fastify.inject({ url: '/pages/kept', headers });
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers.vary).toBe('accept-encoding');
      expect(answer.json()).toEqual(page(LONG));
    }
  });

  it('sends short answers and answers built for one request as they are', async () => {
    const fastify = await server();
    for (const name of ['short', 'built']) {
      const answer = await fastify.inject({ url: `/pages/${name}`, headers: asABrowserAsks });
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers.vary).toBeUndefined();
      expect(answer.json()).toEqual(name === 'short' ? page(3) : page(LONG));
    }
  });
});
