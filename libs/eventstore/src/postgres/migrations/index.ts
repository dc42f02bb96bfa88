import type { MigrationInterface } from 'typeorm';
import { EventStoreSchema1732300000000 } from './1732300000000-event-store-schema';

export const eventStoreMigrations: Array<new () => MigrationInterface> = [EventStoreSchema1732300000000];
