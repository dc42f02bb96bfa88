import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { ListeningConnection } from '@l10k/eventstore';
import { createTestDatabase } from '../../../../test/test-database';
import { ReadModelMoves } from './read-model-moves';

/** Polls `condition` until it holds (a connection coming up or going down takes a few turns). */
async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the condition did not come to hold in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('what an API process hears of the projections’ commits', () => {
  let databaseUrl: string;
  let database: Client;
  let moves: ReadModelMoves;

  beforeAll(async () => {
    // The losses below are on purpose: their warnings would only be noise here.
    Logger.overrideLogger(false);
    databaseUrl = await createTestDatabase('read_model_moves');
    database = new Client({ connectionString: databaseUrl });
    await database.connect();
    await database.query(
      `INSERT INTO projection_checkpoints (name) VALUES ('application_summaries'), ('review_queue')`,
    );
  });

  beforeEach(async () => {
    moves = new ReadModelMoves({ connectionString: databaseUrl });
    moves.start();
    await until(() => moves.mark([]) !== undefined);
  });

  afterEach(() => moves.close());
  afterAll(async () => {
    Logger.overrideLogger(['log', 'error', 'warn']);
    await database.end();
  });

  const commitOf = async (name: string) => {
    await database.query('UPDATE projection_checkpoints SET updated_at = now() WHERE name = $1', [name]);
    await moves.settled();
  };

  it('gives no mark before it listens: every read then asks the database', () => {
    const unstarted = new ReadModelMoves({ connectionString: databaseUrl });
    expect(unstarted.mark(['application_summaries'])).toBeUndefined();
  });

  it('keeps the mark of a projection until a commit moves its checkpoint, and only its own', async () => {
    const summaries = moves.mark(['application_summaries']);
    const queue = moves.mark(['review_queue']);
    const both = moves.mark(['review_queue', 'application_summaries']);
    await commitOf('review_queue');
    expect(moves.mark(['application_summaries'])).toBe(summaries);
    expect(moves.mark(['review_queue'])).not.toBe(queue);
    expect(moves.mark(['review_queue', 'application_summaries'])).not.toBe(both);
  });

  it('hears nothing of a transaction that rolls back', async () => {
    const before = moves.mark(['application_summaries']);
    await database.query('BEGIN');
    await database.query(
      `UPDATE projection_checkpoints SET updated_at = now() WHERE name = 'application_summaries'`,
    );
    await database.query('ROLLBACK');
    await moves.settled();
    expect(moves.mark(['application_summaries'])).toBe(before);
  });

  it('hears a checkpoint row created or removed, as a rebuild’s switch does', async () => {
    const before = moves.mark(['application_summaries__rebuild']);
    await database.query(
      `INSERT INTO projection_checkpoints (name) VALUES ('application_summaries__rebuild')`,
    );
    await moves.settled();
    const created = moves.mark(['application_summaries__rebuild']);
    expect(created).not.toBe(before);
    await database.query(`DELETE FROM projection_checkpoints WHERE name = 'application_summaries__rebuild'`);
    await moves.settled();
    expect(moves.mark(['application_summaries__rebuild'])).not.toBe(created);
  });

  it('hears the checkpoints emptied at once (TRUNCATE fires no row trigger) as a move of every projection', async () => {
    const summaries = moves.mark(['application_summaries']);
    const none = moves.mark([]);
    try {
      await database.query('BEGIN');
      await database.query('TRUNCATE projection_checkpoints');
      await database.query('ROLLBACK');
      await moves.settled();
      expect(moves.mark(['application_summaries'])).toBe(summaries);
      await database.query('TRUNCATE projection_checkpoints');
      await moves.settled();
      expect(moves.mark(['application_summaries'])).not.toBe(summaries);
      expect(moves.mark([])).not.toBe(none);
    } finally {
      await database.query(
        `INSERT INTO projection_checkpoints (name) VALUES ('application_summaries'), ('review_queue')
          ON CONFLICT DO NOTHING`,
      );
    }
  });

  it('gives no mark once its connection is lost, and a mark unlike any before once it listens again', async () => {
    const warned = jest.spyOn(Logger.prototype, 'warn');
    const before = moves.mark(['application_summaries']);
    await database.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE '%read_model_moved%' AND pid <> pg_backend_pid()`,
    );
    await until(() => moves.mark(['application_summaries']) === undefined);
    // Whoever runs the API learns that every read now asks the database.
    expect(warned).toHaveBeenCalledWith(expect.stringContaining('every read asks the database'));
    warned.mockRestore();
    await until(() => moves.mark(['application_summaries']) !== undefined);
    expect(moves.mark(['application_summaries'])).not.toBe(before);
  });

  it('takes a connection that has stopped hearing for lost, when its own notification does not come back', async () => {
    const before = moves.mark(['application_summaries']);
    // Deaf without a word: the connection stays up, but hears nothing any more.
    const { connection } = moves as unknown as { connection: ListeningConnection };
    await connection.listener!.query('UNLISTEN *');
    await moves.settled(200);
    expect(moves.mark(['application_summaries'])).toBeUndefined();
    await until(() => moves.mark(['application_summaries']) !== undefined);
    expect(moves.mark(['application_summaries'])).not.toBe(before);
    await commitOf('application_summaries');
    const heard = moves.mark(['application_summaries']);
    await commitOf('application_summaries');
    expect(moves.mark(['application_summaries'])).not.toBe(heard);
  });
});
