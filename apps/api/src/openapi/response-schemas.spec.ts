import Fastify, { type FastifyInstance } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { SharedReads } from '../read/shared-read';
import { serializeAnswersByDocument } from './response-schemas';

const document = {
  openapi: '3.0.0',
  info: { title: 'spec', version: '1' },
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          '200': {
            description: 'a thing',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
        },
      },
    },
    '/things/{id}/copy': {
      get: {
        responses: {
          '200': {
            description: 'the same thing, by another route',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          track: { type: 'string', default: 'national' },
          extra: { type: 'object' },
          default: { type: 'integer' },
        },
        required: ['id'],
      },
    },
  },
} as unknown as OpenAPIObject;

async function serverAnswering(body: unknown, verify: boolean): Promise<FastifyInstance> {
  const fastify = Fastify();
  serializeAnswersByDocument(fastify, document, { verify });
  fastify.setErrorHandler((error, _request, reply) =>
    reply.status(500).send({ failed: (error as Error).message }),
  );
  fastify.get('/things/:id', async () => body);
  await fastify.ready();
  return fastify;
}

describe('answers serialized by their OpenAPI schema', () => {
  it('writes the documented fields, resolving $refs, and a property named "default" like any other', async () => {
    const fastify = await serverAnswering({ id: 'a', track: 'local', default: 3 }, false);
    const answer = await fastify.inject('/things/a');
    expect(answer.json()).toEqual({ id: 'a', track: 'local', default: 3 });
  });

  it('never writes a schema default into an answer that has no such field', async () => {
    const fastify = await serverAnswering({ id: 'a' }, false);
    expect((await fastify.inject('/things/a')).json()).toEqual({ id: 'a' });
  });

  it('keeps whatever an object the document leaves open holds', async () => {
    const fastify = await serverAnswering({ id: 'a', extra: { anything: [1, 'two'] } }, false);
    expect((await fastify.inject('/things/a')).json()).toEqual({ id: 'a', extra: { anything: [1, 'two'] } });
  });

  it('drops a field the document does not describe, which verification turns into a failed request naming it', async () => {
    const unchecked = await serverAnswering({ id: 'a', secretlyAdded: 1 }, false);
    expect((await unchecked.inject('/things/a')).json()).toEqual({ id: 'a' });

    const checked = await serverAnswering({ id: 'a', secretlyAdded: 1 }, true);
    const answer = await checked.inject('/things/a');
    expect(answer.statusCode).toBe(500);
    expect(answer.json().failed).toMatch(
      /GET \/things\/:id answered 200.*differs at body\.secretlyAdded: written undefined, returned 1/,
    );
  });

  it('answers a view its schema cannot write with the failure, not with a comparison of that failure against the view', async () => {
    const fastify = await serverAnswering({ track: 'local' }, true);
    const answer = await fastify.inject('/things/a');
    expect(answer.statusCode).toBe(500);
    expect(answer.json()).toEqual({ failed: '"id" is required!' });
  });

  it('lets verified answers that match their view through unchanged', async () => {
    const fastify = await serverAnswering({ id: 'a', track: 'local' }, true);
    const answer = await fastify.inject('/things/a');
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ id: 'a', track: 'local' });
  });

  describe('an answer several requests share', () => {
    /** An answer that counts how often a serializer reads it. */
    const counted = () => {
      const answer = { reads: 0 };
      Object.defineProperty(answer, 'id', { enumerable: true, get: () => ((answer.reads += 1), 'a') });
      return answer as { reads: number; id: string };
    };

    it('is written once, and every request gets that text', async () => {
      const answer = counted();
      const shared = new SharedReads<object>();
      const fastify = Fastify();
      serializeAnswersByDocument(fastify, document);
      fastify.get('/things/:id', () => shared.answer('the same read', async () => answer));
      await fastify.ready();
      const [first, second] = await Promise.all([fastify.inject('/things/a'), fastify.inject('/things/a')]);
      expect(first.body).toBe(JSON.stringify({ id: 'a' }));
      expect(second.body).toBe(first.body);
      expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(second.headers['content-length']).toBe(String(Buffer.byteLength(first.body)));
      expect(answer.reads).toBe(1);
    });

    it('is verified like any other answer: a field the document leaves out fails the request', async () => {
      const shared = new SharedReads<object>();
      const fastify = Fastify();
      serializeAnswersByDocument(fastify, document, { verify: true });
      fastify.setErrorHandler((error, _request, reply) =>
        reply.status(500).send({ failed: (error as Error).message }),
      );
      fastify.get('/things/:id', () => shared.answer('k', async () => ({ id: 'a', secretlyAdded: 1 })));
      await fastify.ready();
      const answer = await fastify.inject('/things/a');
      expect(answer.statusCode).toBe(500);
      expect(answer.json().failed).toMatch(/differs at body\.secretlyAdded/);
    });

    it('is written once for every route whose answers have the same schema: they share one serializer', async () => {
      const answer = counted();
      const shared = new SharedReads<object>();
      const fastify = Fastify();
      serializeAnswersByDocument(fastify, document);
      const read = () => shared.answer('the same read', async () => answer);
      fastify.get('/things/:id', read);
      fastify.get('/things/:id/copy', read);
      await fastify.ready();
      const [first, second] = await Promise.all([
        fastify.inject('/things/a'),
        fastify.inject('/things/a/copy'),
      ]);
      expect(second.body).toBe(first.body);
      expect(answer.reads).toBe(1);
    });

    it('but an answer of one request alone is written for each request it is sent to', async () => {
      const answer = counted();
      const fastify = await serverAnswering(answer, false);
      await fastify.inject('/things/a');
      await fastify.inject('/things/a');
      expect(answer.reads).toBe(2);
    });
  });
});
