import { Test } from '@nestjs/testing';
import { createTestDatabase } from '../../../../test/test-database';
import { applicationStreamId, newEvent } from '../../test/event-fixtures';
import type { EventStore } from '../event-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { EVENT_STORE, EventStoreModule } from './event-store.module';

describe('EventStoreModule', () => {
  let connectionString: string;

  beforeAll(async () => {
    connectionString = await createTestDatabase('eventstore_module');
  });

  it('forRoot provides a working PostgreSQL store under EVENT_STORE and closes it on shutdown', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [EventStoreModule.forRoot({ kind: 'postgres', connectionString })],
    }).compile();
    const app = await moduleRef.init();
    const store = app.get<EventStore>(EVENT_STORE);
    expect(store).toBeInstanceOf(PostgresEventStore);
    const streamId = applicationStreamId();
    await store.append(streamId, [newEvent()], { expectedRevision: 'no_stream' });
    expect(await store.readStream(streamId)).toHaveLength(1);

    await app.close();
    await expect(store.readStream(streamId)).rejects.toThrow(/pool after calling end|unavailable/i);
  });

  it('forRootAsync takes its options from a factory', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        EventStoreModule.forRootAsync({
          useFactory: async () => ({ kind: 'postgres' as const, connectionString }),
        }),
      ],
    }).compile();
    const app = await moduleRef.init();
    expect(app.get(EVENT_STORE)).toBeInstanceOf(PostgresEventStore);
    await app.close();
  });
});
