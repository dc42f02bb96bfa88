import { Client } from 'pg';
import { createTestDatabase } from '../../../../test/test-database';
import { describeEventStoreContract } from '../../test/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

// The PostgreSQL run of the contract suite: always registered, never skipped.
describe('PostgresEventStore', () => {
  let connectionString: string;

  beforeAll(async () => {
    connectionString = await createTestDatabase('eventstore_contract');
  });

  describeEventStoreContract('PostgreSQL', {
    create: ({ upcasters }) => PostgresEventStore.connect({ connectionString, upcasters }),
  });

  describe('schema', () => {
    it('has the columns, keys and order index DESIGN.md names', async () => {
      const client = new Client({ connectionString });
      await client.connect();
      try {
        const columns = await client.query<{ column_name: string; data_type: string }>(
          `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'events' ORDER BY ordinal_position`,
        );
        expect(Object.fromEntries(columns.rows.map((row) => [row.column_name, row.data_type]))).toEqual({
          global_position: 'bigint',
          transaction_id: 'xid8',
          stream_id: 'text',
          stream_revision: 'bigint',
          event_id: 'uuid',
          type: 'text',
          data: 'jsonb',
          metadata: 'jsonb',
          recorded_at: 'timestamp with time zone',
        });
        const indexes = await client.query<{ indexdef: string }>(
          `SELECT indexdef FROM pg_indexes WHERE tablename = 'events'`,
        );
        const definitions = indexes.rows.map((row) => row.indexdef).join('\n');
        expect(definitions).toContain(
          'UNIQUE INDEX events_event_id_key ON public.events USING btree (event_id)',
        );
        expect(definitions).toContain(
          'UNIQUE INDEX events_stream_revision_key ON public.events USING btree (stream_id, stream_revision)',
        );
        expect(definitions).toContain(
          'events_global_order_idx ON public.events USING btree (transaction_id, global_position)',
        );
      } finally {
        await client.end();
      }
    });
  });
});
