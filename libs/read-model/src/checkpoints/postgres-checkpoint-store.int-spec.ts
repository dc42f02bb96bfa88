import { DataSource, type EntityManager } from 'typeorm';
import { PostgresCheckpointStore, readModelEntities } from '@l10k/read-model';
import { createTestDatabase } from '../../../../test/test-database';

describe('the PostgreSQL checkpoint store', () => {
  let dataSource: DataSource;
  let checkpoints: PostgresCheckpointStore;

  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'postgres',
      url: await createTestDatabase('checkpoint_store'),
      entities: readModelEntities,
    });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE written (note text)');
    checkpoints = new PostgresCheckpointStore(dataSource);
  });

  afterAll(() => dataSource.destroy());

  const notes = async (): Promise<string[]> =>
    (await dataSource.query('SELECT note FROM written ORDER BY note')).map(
      (row: { note: string }) => row.note,
    );
  const write = (note: string) => async (manager: EntityManager) => {
    await manager.query('INSERT INTO written (note) VALUES ($1)', [note]);
  };

  it('starts a projection at the start of the log and keeps it there until it moves', async () => {
    expect(await checkpoints.positions(['fresh'])).toEqual([{ checkpoint: null, eventsProcessed: 0 }]);
    expect(await checkpoints.position('fresh')).toEqual({ checkpoint: null, eventsProcessed: 0 });
    expect(
      await dataSource.query("SELECT name FROM projection_checkpoints WHERE name = 'fresh'"),
    ).toHaveLength(1);
  });

  it('moves a checkpoint together with its work, and only from where the mover saw it', async () => {
    await checkpoints.position('moving');
    expect(await checkpoints.advance('moving', null, { checkpoint: 'c1', events: 3 }, write('first'))).toBe(
      true,
    );
    // A second runner that still believes the projection is at the start loses: nothing it did stays.
    expect(await checkpoints.advance('moving', null, { checkpoint: 'c2', events: 5 }, write('stale'))).toBe(
      false,
    );
    expect(await checkpoints.advance('moving', 'c1', { checkpoint: 'c2', events: 2 }, write('second'))).toBe(
      true,
    );
    expect(await checkpoints.position('moving')).toEqual({ checkpoint: 'c2', eventsProcessed: 5 });
    expect(await notes()).toEqual(['first', 'second']);
  });

  it('leaves the checkpoint where it was when the work fails', async () => {
    await checkpoints.position('failing');
    await expect(
      checkpoints.advance('failing', null, { checkpoint: 'c1', events: 1 }, async (manager) => {
        await write('lost')(manager);
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(await checkpoints.position('failing')).toEqual({ checkpoint: null, eventsProcessed: 0 });
    expect(await notes()).not.toContain('lost');
  });

  it('moves a checkpoint with nothing to do in one statement, only from where the mover saw it', async () => {
    await checkpoints.position('idle');
    const statements: string[] = [];
    const query = dataSource.manager.query.bind(dataSource.manager);
    const counted = jest.spyOn(dataSource.manager, 'query').mockImplementation((sql, parameters) => {
      statements.push(sql);
      return query(sql, parameters);
    });
    try {
      expect(await checkpoints.advance('idle', null, { checkpoint: 'c1', events: 4 })).toBe(true);
      expect(await checkpoints.advance('idle', null, { checkpoint: 'c2', events: 4 })).toBe(false);
    } finally {
      counted.mockRestore();
    }
    expect(statements).toHaveLength(2);
    expect(await checkpoints.position('idle')).toEqual({ checkpoint: 'c1', eventsProcessed: 4 });
  });

  it('commits a move without waiting for the WAL flush, and only that transaction', async () => {
    await checkpoints.position('asynchronous');
    let during: string | undefined;
    await checkpoints.advance('asynchronous', null, { checkpoint: 'c1', events: 1 }, async (manager) => {
      [{ during }] = await manager.query("SELECT current_setting('synchronous_commit') AS during");
    });
    expect(during).toBe('off');
    const [{ after }] = await dataSource.query("SELECT current_setting('synchronous_commit') AS after");
    expect(after).toBe('on');
  });

  it('moves several checkpoints with their work in one transaction, each only from where the mover saw it', async () => {
    await checkpoints.position('together_a');
    await checkpoints.position('together_b');
    await checkpoints.position('together_stale');
    await checkpoints.advance('together_stale', null, { checkpoint: 'c1', events: 1 });
    const transactions: string[] = [];
    const noted = (note: string) => async (manager: EntityManager) => {
      const [{ id, synchronous }] = await manager.query(
        "SELECT txid_current()::text AS id, current_setting('synchronous_commit') AS synchronous",
      );
      transactions.push(`${id}/${synchronous}`);
      await write(note)(manager);
    };
    const moved = await checkpoints.advanceTogether([
      { name: 'together_b', from: null, to: { checkpoint: 'b1', events: 2 }, work: noted('together b') },
      { name: 'together_stale', from: null, to: { checkpoint: 's2', events: 2 }, work: noted('stale') },
      { name: 'together_a', from: null, to: { checkpoint: 'a1', events: 3 } },
    ]);
    expect(moved).toEqual([true, false, true]);
    expect(await checkpoints.positions(['together_a', 'together_b', 'together_stale'])).toEqual([
      { checkpoint: 'a1', eventsProcessed: 3 },
      { checkpoint: 'b1', eventsProcessed: 2 },
      { checkpoint: 'c1', eventsProcessed: 1 },
    ]);
    expect(await notes()).toContain('together b');
    expect(await notes()).not.toContain('stale');
    // A second move's work, in the same transaction as the first's, committed asynchronously.
    expect(
      await checkpoints.advanceTogether([
        { name: 'together_a', from: 'a1', to: { checkpoint: 'a2', events: 1 }, work: noted('together a') },
        { name: 'together_b', from: 'b1', to: { checkpoint: 'b2', events: 1 }, work: noted('together b2') },
      ]),
    ).toEqual([true, true]);
    expect(transactions).toHaveLength(3);
    expect(transactions[1]).toBe(transactions[2]);
    expect(transactions[2]).toMatch(/\/off$/);
  });

  it('commits none of the moves made together when one work fails', async () => {
    await checkpoints.position('failing_a');
    await checkpoints.position('failing_b');
    await expect(
      checkpoints.advanceTogether([
        { name: 'failing_a', from: null, to: { checkpoint: 'a1', events: 1 }, work: write('lost a') },
        {
          name: 'failing_b',
          from: null,
          to: { checkpoint: 'b1', events: 1 },
          work: async () => {
            throw new Error('handler failed');
          },
        },
      ]),
    ).rejects.toThrow('handler failed');
    expect(await checkpoints.positions(['failing_a', 'failing_b'])).toEqual([
      { checkpoint: null, eventsProcessed: 0 },
      { checkpoint: null, eventsProcessed: 0 },
    ]);
    expect(await notes()).not.toContain('lost a');
  });

  it('restarts a checkpoint at the start of the log with its work', async () => {
    await checkpoints.position('again');
    await checkpoints.advance('again', null, { checkpoint: 'c9', events: 9 }, async () => undefined);
    await checkpoints.restart('again', write('fresh tables'));
    expect(await checkpoints.position('again')).toEqual({ checkpoint: null, eventsProcessed: 0 });
    expect(await notes()).toContain('fresh tables');
  });

  it('hands a rebuild’s position over to the live name, with what the switch applied on top', async () => {
    await checkpoints.restart('live__shadow', async () => undefined);
    await checkpoints.advance('live__shadow', null, { checkpoint: 'c7', events: 7 }, async () => undefined);
    const taken = await checkpoints.takeOver('live', 'live__shadow', async (manager, from) => {
      expect(from).toEqual({ checkpoint: 'c7', eventsProcessed: 7 });
      await write('switched')(manager);
      return { checkpoint: 'c9', events: 2 };
    });
    expect(taken).toEqual({ checkpoint: 'c9', eventsProcessed: 9 });
    expect(await checkpoints.positions(['live', 'live__shadow'])).toEqual([
      { checkpoint: 'c9', eventsProcessed: 9 },
      { checkpoint: null, eventsProcessed: 0 },
    ]);
    expect(
      await dataSource.query("SELECT 1 FROM projection_checkpoints WHERE name = 'live__shadow'"),
    ).toEqual([]);
    await expect(
      checkpoints.takeOver('live', 'live__shadow', async () => ({ checkpoint: null, events: 0 })),
    ).rejects.toThrow('no checkpoint live__shadow to take over');
  });
});
