import { AwardLedgerRow } from './award-ledger-entry.entity';
import { ApplicationSummaryRow } from './application-summary.entity';
import { FiscalYearBudgetRow } from './fiscal-year-budget.entity';
import { ProjectionCheckpointRow } from './projection-checkpoint.entity';
import { ReviewQueueRow } from './review-queue-entry.entity';
import { RoundStatisticRow } from './round-statistic.entity';

export * from './award-ledger-entry.entity';
export * from './application-summary.entity';
export * from './fiscal-year-budget.entity';
export * from './projection-checkpoint.entity';
export * from './review-queue-entry.entity';
export * from './round-statistic.entity';
export { bigintAsNumber } from './bigint-number.transformer';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const readModelEntities: Function[] = [
  ProjectionCheckpointRow,
  ApplicationSummaryRow,
  ReviewQueueRow,
  RoundStatisticRow,
  FiscalYearBudgetRow,
  AwardLedgerRow,
];
