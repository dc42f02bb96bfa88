import Fastify, { type FastifyInstance } from 'fastify';
import pino, { type Level } from 'pino';
import { logEachRequest } from './request-log';

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly correlationId?: string;
  readonly req?: { id: string; method: string; url: string };
  readonly res?: { statusCode: number };
  readonly responseTime?: number;
}

/** A server as the API is built (create-api-app.ts): the request's id from its header, a line per request. */
async function server(
  level: Level,
): Promise<{ fastify: FastifyInstance; lines: () => LogLine[]; written: string[] }> {
  const written: string[] = [];
  const logger = pino({ level }, { write: (line: string) => void written.push(line) });
  const fastify = Fastify({ genReqId: (request) => String(request.headers['x-correlation-id']) });
  logEachRequest(fastify, logger);
  fastify.get('/ok', async () => ({ ok: true }));
  fastify.post('/refused', async (_request, reply) => reply.status(422).send({ title: 'refused' }));
  fastify.get('/failed', async () => {
    throw new Error('the database went away');
  });
  await fastify.ready();
  return {
    fastify,
    written,
    lines: () => written.map((line) => JSON.parse(line) as LogLine),
  };
}

describe('one log line per request', () => {
  it('says who asked what and how it went: correlation id, method, URL, status and time', async () => {
    const { fastify, lines } = await server('info');
    await fastify.inject({ url: '/ok?page=2', headers: { 'x-correlation-id': 'deadline-day-1' } });
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        correlationId: 'deadline-day-1',
        req: { id: 'deadline-day-1', method: 'GET', url: '/ok?page=2' },
        res: { statusCode: 200 },
      }),
    ]);
    expect(Number.isInteger(lines()[0].responseTime)).toBe(true);
  });

  it('logs a refusal as a warning and a server error as an error', async () => {
    const { fastify, lines } = await server('info');
    await fastify.inject({
      method: 'POST',
      url: '/refused',
      headers: { 'x-correlation-id': 'a' },
      payload: {},
    });
    await fastify.inject({ url: '/failed', headers: { 'x-correlation-id': 'b' } });
    expect(lines().map(({ level, msg, res }) => [level, msg, res?.statusCode])).toEqual([
      [40, 'request completed', 422],
      [50, 'request errored', 500],
    ]);
  });

  it('writes no header and no body: a bearer token or a plan never reaches the log', async () => {
    const { fastify, written } = await server('info');
    await fastify.inject({
      method: 'POST',
      url: '/refused',
      headers: {
        'x-correlation-id': 'c',
        authorization: 'Bearer eyJ.secret.token',
        cookie: 'session=s3cr3t',
      },
      payload: { plan: { projectName: '久慈の地域商社' } },
    });
    expect(written).toHaveLength(1);
    expect(written[0]).not.toMatch(/secret|s3cr3t|Bearer|久慈/);
  });

  it('writes nothing for requests below the configured level', async () => {
    const { fastify, lines } = await server('warn');
    await fastify.inject({ url: '/ok', headers: { 'x-correlation-id': 'd' } });
    await fastify.inject({
      method: 'POST',
      url: '/refused',
      headers: { 'x-correlation-id': 'e' },
      payload: {},
    });
    expect(lines().map(({ correlationId }) => correlationId)).toEqual(['e']);
  });
});
