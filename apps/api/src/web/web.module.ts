import { DynamicModule, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { WEB_APP_ROOT } from './web-app-root';
import { isBuiltWebApp } from './web-app-files';
import { serveWebApp } from './serve-web-app';
import { WebConfigController } from './web-config.controller';

/**
 * Serves the built web front end at `/` from the API process (one origin, no CORS); API paths
 * are never answered with it (serve-web-app.ts).
 */
@Module({ controllers: [WebConfigController] })
export class WebModule implements OnModuleInit {
  private readonly logger = new Logger(WebModule.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_APP_ROOT) private readonly root: string,
  ) {}

  static forRoot(root: string): DynamicModule {
    return { module: WebModule, providers: [{ provide: WEB_APP_ROOT, useValue: root }] };
  }

  onModuleInit(): void {
    if (!isBuiltWebApp(this.root)) {
      this.logger.warn(`no web front end at ${this.root} (npm run build makes it); serving the API only`);
      return;
    }
    serveWebApp(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), this.root);
  }
}
