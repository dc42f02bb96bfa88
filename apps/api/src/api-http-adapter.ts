import { FastifyAdapter } from '@nestjs/platform-fastify';
import { sendProblem } from './problem-details';

/**
 * Nest's Fastify adapter, with one change: what Fastify refuses before a route runs (a body
 * too large, not JSON, in another charset) is answered by the API's own problem mapping.
 * Nest would install a handler that turns those errors into bare HttpExceptions and loses
 * which rule broke; this is the one handler Fastify gets instead.
 */
export class ApiHttpAdapter extends FastifyAdapter {
  override setErrorHandler(): ReturnType<FastifyAdapter['setErrorHandler']> {
    return super.setErrorHandler(sendProblem);
  }
}
