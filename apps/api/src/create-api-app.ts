import type { INestApplication } from '@nestjs/common';
import { json } from 'express';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@l10k/config';
import { ApiOptions, AppModule } from './app.module';
import { securityHeaders } from './security-headers';
import {
  ProblemDetailsFilter,
  bodyParserErrorsAsProblems,
  createValidationPipe,
  refuseUnsafeJson,
} from './problem-details';

/** The API with everything a request meets before a controller; shared by main.ts and the end-to-end tests. */
export async function createApiApp(config: AppConfig, options: ApiOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(securityHeaders(config.oidcIssuer ? [new URL(config.oidcIssuer).origin] : []));
  app.use(json({ limit: '1mb' }), bodyParserErrorsAsProblems, refuseUnsafeJson);
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
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
