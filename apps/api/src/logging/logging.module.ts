import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, APP_CONFIG } from '@l10k/config';

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The client's correlation id when it is a plain token, a fresh uuid otherwise. It is the
 * HTTP server's request id (create-api-app.ts), which the request log takes and the answer echoes.
 */
export function correlationIdOf(request: IncomingMessage): string {
  const offered = request.headers[CORRELATION_HEADER];
  return typeof offered === 'string' && SAFE_ID.test(offered) ? offered : randomUUID();
}

/** One structured line per request (pino), with the correlation id; no bodies, no tokens. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Every path, in the route syntax of Nest 11 (path-to-regexp 8): a bare '*' matches none under Fastify.
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.logLevel,
          customAttributeKeys: { reqId: 'correlationId' },
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          serializers: {
            req: (request: { id: unknown; method: string; url: string }) => ({
              id: request.id,
              method: request.method,
              url: request.url,
            }),
            res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
          },
          customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
            error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
        },
      }),
    }),
  ],
})
export class LoggingModule {}
