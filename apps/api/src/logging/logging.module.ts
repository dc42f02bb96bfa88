import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '@l10k/config';

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The API's one pino logger: Nest's own lines and each request's (request-log.ts). */
export const API_LOGGER = Symbol('API_LOGGER');

/**
 * The client's correlation id when it is a plain token, a fresh uuid otherwise. It is the
 * HTTP server's request id (create-api-app.ts), which the request log takes and the answer echoes.
 */
export function correlationIdOf(request: IncomingMessage): string {
  const offered = request.headers[CORRELATION_HEADER];
  return typeof offered === 'string' && SAFE_ID.test(offered) ? offered : randomUUID();
}

/**
 * Structured logs (pino) to stdout, or to `destination` (tests). nestjs-pino is Nest's logger
 * here and nothing more: it binds no route (`forRoutes: []`), because its per-request
 * middleware (pino-http in an async context, through Nest's middleware layer) cost every
 * request a child logger and an AsyncLocalStorage scope whether it logged or not. Each
 * request's line is written by a Fastify hook instead (request-log.ts).
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, destination?: DestinationStream): DynamicModule {
    const logger: Logger = pino({ level: config.logLevel }, destination ?? pino.destination(1));
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { logger }, forRoutes: [] })],
      providers: [{ provide: API_LOGGER, useValue: logger }],
      exports: [API_LOGGER],
    };
  }
}
