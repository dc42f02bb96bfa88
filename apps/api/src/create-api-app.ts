import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@l10k/config';
import { ApiOptions, AppModule } from './app.module';
import { ApiHttpAdapter } from './api-http-adapter';
import { serializeAnswersByDocument } from './openapi/response-schemas';
import { API_LOGGER, CORRELATION_HEADER, correlationIdOf } from './logging/logging.module';
import { logEachRequest } from './logging/request-log';
import { securityHeaderOptions, securityHeaders } from './security-headers';
import {
  ProblemDetailsFilter,
  createValidationPipe,
  readBodiesAsTheApiDoes,
  refuseUnsafeJson,
  sendProblem,
} from './problem-details';

/** The API with everything a request meets before a controller; shared by main.ts and the end-to-end tests. */
export async function createApiApp(config: AppConfig, options: ApiOptions = {}): Promise<INestApplication> {
  const adapter = new ApiHttpAdapter({
    routerOptions: { ignoreTrailingSlash: true },
    genReqId: correlationIdOf,
    // A path that is not valid percent-encoding never reaches a route: answered as a problem too.
    frameworkErrors: sendProblem,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  const headers = securityHeaders(
    securityHeaderOptions(config.oidcIssuer ? [new URL(config.oidcIssuer).origin] : []),
  );
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers).header(CORRELATION_HEADER, request.id);
    done();
  });
  logEachRequest(fastify, app.get(API_LOGGER));
  readBodiesAsTheApiDoes(fastify);
  fastify.addHook('preValidation', refuseUnsafeJson);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Local 10,000 Project grant workflow')
      .setDescription(
        'ローカル10,000プロジェクト: applications, reviews, decisions and the public funding calculator.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  serializeAnswersByDocument(fastify, document, { verify: options.verifyAnswerSerialization });
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
