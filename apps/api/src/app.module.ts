import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, AppConfigModule } from '@l10k/config';
import { eventStoreOptions, readModelConnectionOptions } from '@l10k/database';
import { EventStoreModule } from '@l10k/eventstore';
import { ApplicationsModule } from './applications/applications.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AwardsModule } from './awards/awards.module';
import { DocumentsModule } from './documents/documents.module';
import { FiscalYearsModule } from './fiscal-years/fiscal-years.module';
import { FundingModule } from './funding/funding.module';
import { HealthModule } from './health/health.module';
import { LocalTrackModule } from './local-track/local-track.module';
import { LoggingModule } from './logging/logging.module';
import { MunicipalitiesModule } from './municipalities/municipalities.module';
import { ReadModule } from './read/read.module';
import { RoundsModule } from './rounds/rounds.module';
import { RuleSetsModule } from './rule-sets/rule-sets.module';
import type { Clock } from './clock/clock';
import { ClockModule } from './clock/clock.module';
import { defaultWebAppRoot } from './web/web-app-files';
import { WebModule } from './web/web.module';
import { fresh } from '@l10k/rules';

/** What tests may replace; production takes the defaults. */
export interface ApiOptions {
  readonly clock?: Clock;
  /** The built web front end's folder; dist/web by default. */
  readonly webAppRoot?: string;
  /** Tests: every JSON answer is checked against what its handler returned (openapi/response-schemas.ts). */
  readonly verifyAnswerSerialization?: boolean;
  /** Tests: where the log is written; stdout by default. */
  readonly logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: ApiOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        ClockModule.forRoot(options.clock),
        LoggingModule.forRoot(config, options.logDestination),
        AuthModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...fresh,
          ...readModelConnectionOptions(config, { genericPlans: true }),
          retryAttempts: 3,
          retryDelay: 500,
        }),
        EventStoreModule.forRoot({ ...fresh, ...eventStoreOptions(config), isGlobal: true }),
        HealthModule,
        RuleSetsModule,
        FundingModule,
        RoundsModule,
        MunicipalitiesModule,
        ApplicationsModule,
        AwardsModule,
        LocalTrackModule,
        DocumentsModule,
        FiscalYearsModule,
        AuditModule,
        ReadModule,
        WebModule.forRoot(options.webAppRoot ?? defaultWebAppRoot()),
      ],
    };
  }
}
