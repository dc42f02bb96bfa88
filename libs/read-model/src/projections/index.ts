import { applicationSummariesProjection } from './application-summaries.projection';
import { fiscalYearBudgetsProjection } from './fiscal-year-budgets.projection';
import type { Projection } from './projection';
import { roundStatisticsProjection } from './round-statistics.projection';

export * from './projection';
export * from './event-routing';
export * from './stream-names';
export { applicationSummariesProjection, fiscalYearBudgetsProjection, roundStatisticsProjection };

/** Every read model the projector maintains; names are their checkpoint names. */
export const readModelProjections: readonly Projection[] = [
  applicationSummariesProjection,
  roundStatisticsProjection,
  fiscalYearBudgetsProjection,
] as readonly Projection[];
