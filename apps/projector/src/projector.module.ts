import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule } from '@l10k/config';
import { eventStoreOptions, readModelConnectionOptions } from '@l10k/database';
import { EventStoreModule } from '@l10k/eventstore';
import { ProjectorService } from './projector.service';
import { fresh } from '@l10k/rules';

@Module({})
export class ProjectorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        TypeOrmModule.forRoot({
          ...fresh,
          ...readModelConnectionOptions(config),
          retryAttempts: 3,
          retryDelay: 500,
        }),
        EventStoreModule.forRoot(eventStoreOptions(config)),
      ],
      providers: [ProjectorService],
    };
  }
}
