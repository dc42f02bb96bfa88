import type { MigrationInterface } from 'typeorm';
import { IdempotencyRecords1732400000000 } from './1732400000000-idempotency-records';
import { ReadModels1732500000000 } from './1732500000000-read-models';
import { AwardReadModels1732600000000 } from './1732600000000-award-read-models';
import { LocalTrackStatistics1732700000000 } from './1732700000000-local-track-statistics';
import { OneFoldForApplicationViews1732800000000 } from './1732800000000-one-fold-for-application-views';
import { SummaryDocumentsAsJson1732900000000 } from './1732900000000-summary-documents-as-json';
import { SummaryStateFoldedFromTheLog1733000000000 } from './1733000000000-summary-state-folded-from-the-log';
import { IdempotencyRecordsExpire1733100000000 } from './1733100000000-idempotency-records-expire';
import { HistoryReadFromTheLog1733200000000 } from './1733200000000-history-read-from-the-log';
import { NoStatisticsForDocuments1733300000000 } from './1733300000000-no-statistics-for-documents';
import { ReadModelMovesAnnounced1733400000000 } from './1733400000000-read-model-moves-announced';
import { ReadModelTruncationAnnounced1733500000000 } from './1733500000000-read-model-truncation-announced';
import { SummaryDocumentsOnlyInDetail1733600000000 } from './1733600000000-summary-documents-only-in-detail';
import { AwardLedgerOnlyAdopted1733700000000 } from './1733700000000-award-ledger-only-adopted';

export const readModelMigrations: Array<new () => MigrationInterface> = [
  IdempotencyRecords1732400000000,
  ReadModels1732500000000,
  AwardReadModels1732600000000,
  LocalTrackStatistics1732700000000,
  OneFoldForApplicationViews1732800000000,
  SummaryDocumentsAsJson1732900000000,
  SummaryStateFoldedFromTheLog1733000000000,
  IdempotencyRecordsExpire1733100000000,
  HistoryReadFromTheLog1733200000000,
  NoStatisticsForDocuments1733300000000,
  ReadModelMovesAnnounced1733400000000,
  ReadModelTruncationAnnounced1733500000000,
  SummaryDocumentsOnlyInDetail1733600000000,
  AwardLedgerOnlyAdopted1733700000000,
];
export { READ_MODEL_MOVED_CHANNEL } from './1733400000000-read-model-moves-announced';
export { EVERY_READ_MODEL } from './1733500000000-read-model-truncation-announced';
