import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@l10k/config';
import { ApplicationSummaryRow, ReviewQueueRow } from '@l10k/read-model';
import { ApplicationSummaryController } from './application/application-summary.controller';
import { ApplicationSummaryHandler } from './application/application-summary.handler';
import { ListApplicationsController } from './applications-list/list-applications.controller';
import { ListApplicationsHandler } from './applications-list/list-applications.handler';
import { AwardLedgerHandler } from './awards/award-ledger.handler';
import { AwardsController } from './awards/awards.controller';
import { OverdueAwardsHandler } from './awards/overdue-awards.handler';
import { FiscalYearBudgetController } from './budget/fiscal-year-budget.controller';
import { FiscalYearBudgetHandler } from './budget/fiscal-year-budget.handler';
import { ApplicationHistoryController } from './history/application-history.controller';
import { ApplicationHistoryHandler } from './history/application-history.handler';
import { KnownReviewersController } from './reviewers/known-reviewers.controller';
import { ReviewQueueController } from './review-queue/review-queue.controller';
import { ProgrammeQueueCounts } from './review-queue/programme-queue-counts';
import { ReviewQueueHandler } from './review-queue/review-queue.handler';
import { ReadModelMoves } from './read-model-moves';
import { MonthlyStatisticsController } from './statistics/monthly-statistics.controller';
import { MonthlyStatisticsHandler } from './statistics/monthly-statistics.handler';

/** The read side: controllers → QueryBus → the projector's read models (may lag writes slightly). */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([ApplicationSummaryRow, ReviewQueueRow])],
  controllers: [
    ListApplicationsController,
    ApplicationSummaryController,
    ApplicationHistoryController,
    ReviewQueueController,
    MonthlyStatisticsController,
    FiscalYearBudgetController,
    AwardsController,
    KnownReviewersController,
  ],
  providers: [
    ApplicationSummaryHandler,
    ListApplicationsHandler,
    ApplicationHistoryHandler,
    ReviewQueueHandler,
    AwardLedgerHandler,
    OverdueAwardsHandler,
    MonthlyStatisticsHandler,
    FiscalYearBudgetHandler,
    ProgrammeQueueCounts,
    {
      provide: ReadModelMoves,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ReadModelMoves.forConfig(config),
    },
  ],
  exports: [ReadModelMoves],
})
export class ReadModule {}
