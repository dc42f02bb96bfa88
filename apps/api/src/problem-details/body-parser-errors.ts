import type { NextFunction, Request, Response } from 'express';
import { ProblemDetails, ProblemException, problem } from './problem';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** body-parser's own failures (bad JSON, too large, bad charset) as problems naming the body. */
export function problemForBodyParserError(error: BodyParserError): ProblemDetails | undefined {
  switch (error?.type) {
    case 'entity.parse.failed':
      return problem(
        400,
        'The request body is not valid JSON.',
        [{ field: 'body', rule: 'json_syntax', message: 'the body must be a well-formed JSON object' }],
        'malformed-body',
      );
    case 'entity.too.large':
      return problem(
        413,
        'The request body is too large.',
        [{ field: 'body', rule: 'max_size', message: 'the body is larger than the server accepts (1 MB)' }],
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
      return error?.type && error.status && error.status < 500
        ? problem(error.status, 'The request body could not be read.', [
            { field: 'body', rule: 'readable', message: error.type },
          ])
        : undefined;
  }
}

/**
 * Express error middleware placed right after the JSON parser: Nest would otherwise turn a
 * parse failure into a bare 400 and lose which rule broke.
 */
export function bodyParserErrorsAsProblems(
  error: unknown,
  _request: Request,
  _response: Response,
  next: NextFunction,
): void {
  const details = problemForBodyParserError(error as BodyParserError);
  next(details ? new ProblemException(details) : error);
}
