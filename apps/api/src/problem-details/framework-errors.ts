import { ProblemDetails, problem } from './problem';

/** What Fastify attaches to the errors it raises itself (`FST_ERR_…`), before any route code runs. */
interface FrameworkError {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

const BODY = 'body';

/**
 * The HTTP server's own refusals (a body too large or not JSON, a path that is not valid
 * percent-encoding or too long) as problems naming what broke; undefined for anything else.
 */
export function problemForFrameworkError(error: unknown): ProblemDetails | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode, message } = error as FrameworkError;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(
        400,
        'The request body is not valid JSON.',
        [{ field: BODY, rule: 'json_syntax', message: 'the body must be a well-formed JSON object' }],
        'malformed-body',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(
        413,
        'The request body is too large.',
        [{ field: BODY, rule: 'max_size', message: 'the body is larger than the server accepts (1 MB)' }],
        'body-too-large',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'L10K_UNSUPPORTED_CHARSET':
      return problem(
        415,
        'The request body uses an unsupported charset or encoding.',
        [{ field: BODY, rule: 'charset', message: 'send UTF-8 JSON' }],
        'unsupported-media-type',
      );
    case 'FST_ERR_BAD_URL':
      return problem(400, 'The request path is not valid percent-encoding.', [
        {
          field: 'path',
          rule: 'url_encoding',
          message: 'each path segment must be valid UTF-8, percent-encoded',
        },
      ]);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(414, 'A segment of the request path is too long.', [
        {
          field: 'path',
          rule: 'max_length',
          message: 'each path parameter is at most 100 characters',
        },
      ]);
    default:
      return typeof code === 'string' &&
        typeof statusCode === 'number' &&
        statusCode >= 400 &&
        statusCode < 500
        ? problem(statusCode, 'The request could not be read.', [
            { field: BODY, rule: 'readable', message: typeof message === 'string' ? message : code },
          ])
        : undefined;
  }
}
