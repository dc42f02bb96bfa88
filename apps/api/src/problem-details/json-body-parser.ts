import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The largest body the API reads: a plan is a few kilobytes; uploads are streamed, not parsed. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

const UTF8 = /^utf-?8$/i;
const STRICT_START = /^[\s]*[{[]/;

/** Raised for the error handler (framework-errors.ts), which names the rule. */
function frameworkError(code: string, statusCode: number): Error {
  return Object.assign(new Error(code), { code, statusCode });
}

/**
 * How bodies are read, as the API's clients have always been answered:
 * - `application/json` is parsed strictly (an object or an array at the top, UTF-8 only, at
 *   most 1 MB); an empty body is no body. Keys such as `__proto__` are kept as plain
 *   properties so that the JSON guard refuses them by name (JSON.parse never pollutes).
 * - Any other content type is left unread: a route that needs a JSON body then names its
 *   missing fields, and the document upload streams the raw request itself (busboy).
 */
export function readBodiesAsTheApiDoes(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('ignore', 'ignore');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: MAX_JSON_BODY_BYTES },
    (request: FastifyRequest, body: string | Buffer, done) => {
      const charset = /;\s*charset=("?)([^";]*)\1/i.exec(request.headers['content-type'] ?? '')?.[2];
      if (charset !== undefined && !UTF8.test(charset))
        return done(frameworkError('L10K_UNSUPPORTED_CHARSET', 415));
      const text = body.toString();
      if (text.trim() === '') return done(null, undefined);
      if (!STRICT_START.test(text)) return done(frameworkError('FST_ERR_CTP_INVALID_JSON_BODY', 400));
      parseJson(request, text, done);
    },
  );
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}
