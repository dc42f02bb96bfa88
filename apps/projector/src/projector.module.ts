import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule, requireDatabaseUrl } from '@l10k/config';
import { readModelEntities } from '@l10k/read-model';
import { ProjectorService } from './projector.service';

@Module({})
export class ProjectorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: requireDatabaseUrl(config),
          entities: readModelEntities,
          synchronize: false,
          migrationsRun: false,
          retryAttempts: 3,
          retryDelay: 500,
        }),
      ],
      providers: [ProjectorService],
    };
  }
}
