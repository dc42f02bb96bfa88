import { applicationHistoryProjection } from './application-history.projection';
import { applicationSummariesProjection } from './application-summaries.projection';
import { awardLedgerProjection } from './award-ledger.projection';
import { fiscalYearBudgetsProjection } from './fiscal-year-budgets.projection';
import type { Projection } from './projection';
import { reviewQueueProjection } from './review-queue.projection';
import { roundStatisticsProjection } from './round-statistics.projection';

export * from './projection';
export * from './event-routing';
export * from './stream-names';
export {
  applicationHistoryProjection,
  applicationSummariesProjection,
  awardLedgerProjection,
  fiscalYearBudgetsProjection,
  reviewQueueProjection,
  roundStatisticsProjection,
};

/** Every read model the projector maintains; names are their checkpoint names. */
export const readModelProjections: readonly Projection[] = [
  applicationSummariesProjection,
  reviewQueueProjection,
  applicationHistoryProjection,
  roundStatisticsProjection,
  fiscalYearBudgetsProjection,
  awardLedgerProjection,
] as readonly Projection[];
