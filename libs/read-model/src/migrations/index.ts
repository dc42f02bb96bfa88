import type { MigrationInterface } from 'typeorm';
import { IdempotencyRecords1732400000000 } from './1732400000000-idempotency-records';

export const readModelMigrations: Array<new () => MigrationInterface> = [IdempotencyRecords1732400000000];
