import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, AppConfigModule, requireDatabaseUrl } from '@l10k/config';
import { readModelEntities } from '@l10k/read-model';
import { AuthModule } from './auth/auth.module';
import { FundingModule } from './funding/funding.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { RoundsModule } from './rounds/rounds.module';
import { RuleSetsModule } from './rule-sets/rule-sets.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggingModule,
        AuthModule.forRoot(config),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: requireDatabaseUrl(config),
          entities: readModelEntities,
          // The schema belongs to migrations, which the launcher runs before any app starts.
          synchronize: false,
          migrationsRun: false,
          retryAttempts: 3,
          retryDelay: 500,
          extra: { max: 10, connectionTimeoutMillis: 5000 },
        }),
        HealthModule,
        RuleSetsModule,
        FundingModule,
        RoundsModule,
      ],
    };
  }
}
