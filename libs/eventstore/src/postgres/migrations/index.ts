import type { MigrationInterface } from 'typeorm';
import { EventStoreSchema1732300000000 } from './1732300000000-event-store-schema';
import { EventStoreAppendUnchangedStreams1732950000000 } from './1732950000000-append-unchanged-streams';

export const eventStoreMigrations: Array<new () => MigrationInterface> = [
  EventStoreSchema1732300000000,
  EventStoreAppendUnchangedStreams1732950000000,
];
