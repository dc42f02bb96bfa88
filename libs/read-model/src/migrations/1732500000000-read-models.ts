import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projector's read models (DESIGN.md, "Projections"). Every row that reflects a
 * stream remembers `stream_revision`, so a redelivered event is recognised and ignored.
 * Index names follow PostgreSQL's own naming, which a rebuild restores after its switch.
 */
export class ReadModels1732500000000 implements MigrationInterface {
  name = 'ReadModels1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        checkpoint text,
        events_processed bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE application_summaries (
        id uuid PRIMARY KEY,
        municipality_code text NOT NULL,
        status text NOT NULL,
        round text,
        fiscal_year integer,
        deadline timestamptz,
        decision_due_date date,
        project_title text,
        business_name text,
        track text NOT NULL,
        requested_grant bigint,
        approved_grant bigint,
        national_share bigint,
        special_tax_share bigint,
        municipal_share bigint,
        rule_set_id text,
        provisional boolean,
        reviewers jsonb NOT NULL,
        reviewer_ids text[] NOT NULL,
        reviews_done integer NOT NULL,
        reviews_needed integer,
        review_cycle integer NOT NULL,
        decision jsonb,
        created_at timestamptz NOT NULL,
        submitted_at timestamptz,
        updated_at timestamptz NOT NULL,
        stream_revision bigint NOT NULL,
        state jsonb NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX application_summaries_created_at_id_idx ON application_summaries (created_at, id)',
    );
    for (const filter of ['status', 'round', 'fiscal_year', 'municipality_code']) {
      await queryRunner.query(
        `CREATE INDEX application_summaries_${filter}_created_at_id_idx ON application_summaries (${filter}, created_at, id)`,
      );
    }
    await queryRunner.query(
      'CREATE INDEX application_summaries_reviewer_ids_idx ON application_summaries USING gin (reviewer_ids)',
    );

    await queryRunner.query(`
      CREATE TABLE review_queue (
        application_id uuid PRIMARY KEY,
        round text NOT NULL,
        fiscal_year integer NOT NULL,
        decision_due_date date NOT NULL,
        municipality_code text NOT NULL,
        reviewer_ids text[] NOT NULL,
        reviews_done integer NOT NULL,
        reviews_needed integer NOT NULL,
        status text NOT NULL,
        stream_revision bigint NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX review_queue_decision_due_date_application_id_idx ON review_queue (decision_due_date, application_id)',
    );
    await queryRunner.query(
      'CREATE INDEX review_queue_round_decision_due_date_idx ON review_queue (round, decision_due_date)',
    );
    await queryRunner.query(
      'CREATE INDEX review_queue_reviewer_ids_idx ON review_queue USING gin (reviewer_ids)',
    );
    // The queue forgets an application when it leaves; its folded state stays here, so a late redelivery cannot bring it back.
    await queryRunner.query(`
      CREATE TABLE review_queue_states (
        application_id uuid PRIMARY KEY,
        stream_revision bigint NOT NULL,
        state jsonb NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE application_history (
        application_id uuid NOT NULL,
        revision bigint NOT NULL,
        global_position bigint NOT NULL,
        checkpoint text NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        actor_sub text NOT NULL,
        actor_role text NOT NULL,
        data jsonb NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (application_id, revision)
      )`);

    // One row per (application, round it was submitted to): the row's existence is the submission.
    await queryRunner.query(`
      CREATE TABLE round_statistics (
        application_id uuid NOT NULL,
        round text NOT NULL,
        fiscal_year integer NOT NULL,
        submitted_revision bigint NOT NULL,
        outcome text,
        requested_grant bigint NOT NULL,
        approved_grant bigint,
        national_share bigint,
        stream_revision bigint NOT NULL,
        PRIMARY KEY (application_id, round)
      )`);
    await queryRunner.query(
      'CREATE INDEX round_statistics_fiscal_year_round_idx ON round_statistics (fiscal_year, round)',
    );

    await queryRunner.query(`
      CREATE TABLE fiscal_year_budgets (
        fiscal_year integer PRIMARY KEY,
        national_budget bigint NOT NULL,
        committed bigint NOT NULL,
        remaining bigint NOT NULL,
        intake_open boolean NOT NULL,
        adopted_applications integer NOT NULL,
        stream_revision bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'fiscal_year_budgets',
      'round_statistics',
      'application_history',
      'review_queue_states',
      'review_queue',
      'application_summaries',
      'projection_checkpoints',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
