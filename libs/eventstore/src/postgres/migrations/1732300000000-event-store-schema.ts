import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL event store (DESIGN.md, "Event store"). `eventstore_append` does the
 * whole append in one round trip: every expected revision is checked (and its stream
 * row locked) before the first sequence value is drawn, then the rows are inserted and,
 * when `p_notify`, subscribers are notified inside the same transaction. The adapter
 * passes false by default and notifies after commit instead (see append-notifier.ts):
 * a NOTIFY in the transaction holds PostgreSQL's global notify lock through the commit's
 * WAL flush, which serialises every appending transaction.
 */
export class EventStoreSchema1732300000000 implements MigrationInterface {
  name = 'EventStoreSchema1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE streams (
        stream_id text PRIMARY KEY,
        revision bigint NOT NULL CHECK (revision >= 0),
        last_hash text NOT NULL
      )`);
    await queryRunner.query(`CREATE SEQUENCE events_global_position_seq AS bigint`);
    await queryRunner.query(`
      CREATE TABLE events (
        global_position bigint PRIMARY KEY DEFAULT nextval('events_global_position_seq'),
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        stream_revision bigint NOT NULL CHECK (stream_revision >= 0),
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        -- clock_timestamp, not now(): taken under the stream's row lock, so it grows with the revision.
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT events_event_id_key UNIQUE (event_id),
        CONSTRAINT events_stream_revision_key UNIQUE (stream_id, stream_revision)
      )`);
    await queryRunner.query(`ALTER SEQUENCE events_global_position_seq OWNED BY events.global_position`);
    // The global order readers use; never read by global_position alone.
    await queryRunner.query(
      `CREATE INDEX events_global_order_idx ON events (transaction_id, global_position)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION eventstore_append(p_appends jsonb, p_notify boolean DEFAULT true)
      RETURNS TABLE (stream_id text, stream_revision bigint, transaction_id xid8, global_position bigint)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_append jsonb;
        v_expected bigint;
        v_count bigint;
        v_actual record;
      BEGIN
        FOR v_append IN SELECT value FROM jsonb_array_elements(p_appends) LOOP
          v_expected := (v_append->>'expected')::bigint;
          v_count := jsonb_array_length(v_append->'events');
          IF v_expected = -1 THEN
            INSERT INTO streams (stream_id, revision, last_hash)
            VALUES (v_append->>'streamId', v_count - 1, v_append->>'lastHash')
            ON CONFLICT DO NOTHING;
          ELSE
            UPDATE streams AS s SET revision = s.revision + v_count, last_hash = v_append->>'lastHash'
            WHERE s.stream_id = v_append->>'streamId' AND s.revision = v_expected AND s.last_hash = v_append->>'prevHash';
          END IF;
          IF NOT FOUND THEN
            SELECT s.revision, s.last_hash INTO v_actual FROM streams AS s WHERE s.stream_id = v_append->>'streamId';
            RAISE EXCEPTION USING
              ERRCODE = 'ES409',
              MESSAGE = 'wrong expected revision',
              DETAIL = jsonb_build_object('streamId', v_append->>'streamId', 'revision', v_actual.revision, 'lastHash', v_actual.last_hash)::text;
          END IF;
        END LOOP;

        RETURN QUERY
        WITH inserted AS (
          INSERT INTO events (stream_id, stream_revision, event_id, type, data, metadata)
          SELECT a.value->>'streamId', (a.value->>'expected')::bigint + e.ordinal,
                 (e.value->>'eventId')::uuid, e.value->>'type', e.value->'data', e.value->'metadata'
          FROM jsonb_array_elements(p_appends) WITH ORDINALITY AS a(value, ordinal)
          CROSS JOIN LATERAL jsonb_array_elements(a.value->'events') WITH ORDINALITY AS e(value, ordinal)
          ORDER BY a.ordinal, e.ordinal
          RETURNING events.stream_id, events.stream_revision, events.global_position
        )
        SELECT i.stream_id, max(i.stream_revision), pg_current_xact_id(), max(i.global_position)
        FROM inserted AS i GROUP BY i.stream_id;

        IF p_notify THEN
          PERFORM pg_notify('eventstore_appended', '');
        END IF;
      END
      $fn$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION eventstore_append(jsonb, boolean)`);
    await queryRunner.query(`DROP TABLE events`);
    await queryRunner.query(`DROP TABLE streams`);
  }
}
