import type { MigrationInterface } from 'typeorm';
import { IdempotencyRecords1732400000000 } from './1732400000000-idempotency-records';
import { ReadModels1732500000000 } from './1732500000000-read-models';

export const readModelMigrations: Array<new () => MigrationInterface> = [
  IdempotencyRecords1732400000000,
  ReadModels1732500000000,
];
