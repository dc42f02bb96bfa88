import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Level, Logger } from 'pino';

/** A server error is logged as an error, a refusal as a warning, anything else as information. */
const levelOfStatus = (status: number): Level => (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');

const requestOf = (request: FastifyRequest) => ({ id: request.id, method: request.method, url: request.url });

/**
 * One structured line per request once its answer has gone: the correlation id (the request's
 * id, create-api-app.ts), the method and URL, the status and the milliseconds taken. No
 * headers and no bodies, so no tokens. Nothing is done for a request whose level is not logged.
 */
export function logEachRequest(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const level = levelOfStatus(status);
    if (logger.isLevelEnabled(level)) {
      logger[level](
        {
          correlationId: request.id,
          req: requestOf(request),
          res: { statusCode: status },
          responseTime: Math.round(reply.elapsedTime),
        },
        status >= 500 ? 'request errored' : 'request completed',
      );
    }
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    if (logger.isLevelEnabled('info'))
      logger.info({ correlationId: request.id, req: requestOf(request) }, 'request aborted');
    done();
  });
}
