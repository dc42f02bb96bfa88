import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '@l10k/eventstore';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemException, problem } from './problem';

/**
 * The one place where anything thrown becomes an HTTP answer: always problem+json,
 * never a stack trace. Domain and store errors are mapped to problems before they get here.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request>();
    const body = { ...this.toProblem(exception, request), instance: request.originalUrl ?? request.url };
    if (body.status >= 500) {
      this.logger.error({ err: exception, path: request.url }, 'request failed');
    }
    if (response.headersSent) return;
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, request: Request): ProblemDetails {
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
        return problem(404, `No resource at ${request.method} ${request.path}`, [], 'not-found');
      }
      return problem(status, this.messageOf(exception));
    }
    return problem(
      500,
      'The server could not complete the request; it has been logged.',
      [],
      'internal-error',
    );
  }

  private messageOf(exception: HttpException): string {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : exception.message;
  }
}
