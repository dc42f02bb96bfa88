import type { MigrationInterface, QueryRunner } from 'typeorm';

const UNCHANGED_CHECKS = `
      IF (v_append->>'unchanged')::boolean IS TRUE THEN
        -- A stream the decision read without writing: it must still be where it was read.
        SELECT s.revision, s.last_hash INTO v_actual FROM streams AS s WHERE s.stream_id = v_append->>'streamId';
        IF FOUND = (v_expected = -1) OR (FOUND AND v_actual.revision <> v_expected) THEN
          RAISE EXCEPTION USING
            ERRCODE = 'ES409',
            MESSAGE = 'wrong expected revision',
            DETAIL = jsonb_build_object('streamId', v_append->>'streamId', 'revision', v_actual.revision, 'lastHash', v_actual.last_hash)::text;
        END IF;
        CONTINUE;
      END IF;
`;

/** The append function, with or without the entries for streams expected unchanged. */
const appendFunction = (unchangedChecks: string): string => `
  CREATE OR REPLACE FUNCTION eventstore_append(p_appends jsonb, p_notify boolean DEFAULT true)
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
${unchangedChecks}      IF v_expected = -1 THEN
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
  $fn$`;

/**
 * `eventstore_append` learns streams an append depends on without writing to them (an
 * entry with `"unchanged": true` and no events): each must still be at its expected revision
 * (-1: must not exist), checked before any stream is locked or any sequence value drawn, or
 * the whole append fails with ES409 as a wrong revision does. A creation decided on the
 * fiscal year's kept fold thus needs no read of that stream: the append itself confirms the
 * fold is still current. The rest of the function is unchanged.
 */
export class EventStoreAppendUnchangedStreams1732950000000 implements MigrationInterface {
  name = 'EventStoreAppendUnchangedStreams1732950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(appendFunction(UNCHANGED_CHECKS));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The earlier function: the same without the unchanged-stream entries.
    await queryRunner.query(appendFunction(''));
  }
}
