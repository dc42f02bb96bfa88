import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemException, problem } from './problem';

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

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
    const parserError = this.bodyParserError(exception);
    if (parserError) return parserError;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) {
        return problem(404, `No resource at ${request.method} ${request.path}`, [], 'not-found');
      }
      return problem(status, this.messageOf(exception));
    }
    return problem(500, 'The server could not complete the request; it has been logged.', [], 'internal-error');
  }

  /** body-parser's own errors (bad JSON, too large, bad charset) arrive as plain errors with a status. */
  private bodyParserError(exception: unknown): ProblemDetails | undefined {
    const error = (exception instanceof HttpException ? exception.cause : exception) as BodyParserError | undefined;
    const original = exception as BodyParserError;
    const candidate = error?.type ? error : original?.type ? original : undefined;
    if (!candidate?.type) return undefined;
    switch (candidate.type) {
      case 'entity.parse.failed':
        return problem(
          400,
          'The request body is not valid JSON.',
          [{ field: 'body', rule: 'json_syntax', message: 'the body must be a well-formed JSON document' }],
          'malformed-body',
        );
      case 'entity.too.large':
        return problem(
          413,
          'The request body is too large.',
          [{ field: 'body', rule: 'max_size', message: 'the body is larger than the server accepts' }],
          'body-too-large',
        );
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return problem(
          415,
          'The request body uses an unsupported charset or encoding.',
          [{ field: 'body', rule: 'charset', message: 'send UTF-8 JSON' }],
          'unsupported-media-type',
        );
      default:
        return candidate.status && candidate.status < 500
          ? problem(candidate.status, 'The request body could not be read.')
          : undefined;
    }
  }

  private messageOf(exception: HttpException): string {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : exception.message;
  }
}
