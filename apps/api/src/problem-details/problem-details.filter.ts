import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '@l10k/eventstore';
import { problemForFrameworkError } from './framework-errors';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemException, problem } from './problem';
import { fresh } from '@l10k/rules';

const logger = new Logger('ProblemDetails');

/** What the filter and the HTTP server's own error handler need of a request. */
type RequestLine = Pick<FastifyRequest, 'id' | 'method' | 'url'> & { originalUrl?: string };

/**
 * The one place where anything thrown becomes an HTTP answer: always problem+json,
 * never a stack trace. Domain and store errors are mapped to problems before they get here.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    sendProblem(exception, context.getRequest<FastifyRequest>(), context.getResponse<FastifyReply>());
  }
}

/**
 * Answers `exception` as problem+json. Also Fastify's own error handler: what fails before a
 * route's code runs (the body's parsing, a hook) is answered the same way.
 */
export function sendProblem(exception: unknown, request: RequestLine, reply: FastifyReply): void {
  const body = { ...fresh, ...problemOf(exception, request), instance: request.originalUrl ?? request.url };
  if (body.status >= 500)
    logger.error({ err: exception, correlationId: request.id, path: request.url }, 'request failed');
  if (reply.sent) return;
  void reply.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

function problemOf(exception: unknown, request: RequestLine): ProblemDetails {
  if (exception instanceof ProblemException) return exception.problem;
  if (isDatabaseUnavailable(exception)) {
    return problem(
      503,
      'The database is unreachable; nothing was written. Retry later.',
      [],
      'database-unavailable',
    );
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 404) {
      return problem(404, `No resource at ${request.method} ${pathOf(request.url)}`, [], 'not-found');
    }
    return problem(status, messageOf(exception));
  }
  const framework = problemForFrameworkError(exception);
  if (framework) return framework;
  return problem(500, 'The server could not complete the request; it has been logged.', [], 'internal-error');
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
