import { DataSource } from 'typeorm';
import { sentInFull, socketOf } from '@l10k/read-model';
import { createTestDatabase } from '../../../../test/test-database';

/** A statement whose parameter is `bytes` long: far more than a socket takes at once. */
const largeStatement = (bytes: number): [string, string[]] => [
  'SELECT length($1::text) AS length',
  ['x'.repeat(bytes)],
];

describe('a statement sent in full', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: await createTestDatabase('statement_sent') });
    await dataSource.initialize();
  });

  afterAll(() => dataSource.destroy());

  it('finds the socket under a transaction’s connection', async () => {
    await dataSource.transaction(async (manager) => {
      expect(socketOf(manager)).toBeDefined();
    });
  });

  it('resolves only when the whole statement has left the process, which one turn of the event loop does not wait for', async () => {
    await dataSource.transaction(async (manager) => {
      const socket = socketOf(manager);
      const [sql, parameters] = largeStatement(8 * 1024 * 1024);
      const running = manager.query(sql, parameters);
      await new Promise((resolve) => setImmediate(resolve));
      // Most of it is still waiting in the process: what the projection's fold used to hold up.
      expect(socket?.writableLength).toBeGreaterThan(1024 * 1024);
      await sentInFull(manager);
      expect(socket?.writableLength).toBe(0);
      expect(await running).toEqual([{ length: 8 * 1024 * 1024 }]);
    });
  });

  it('resolves at once after a statement small enough to go out whole', async () => {
    await dataSource.transaction(async (manager) => {
      const running = manager.query('SELECT 1 AS one');
      await sentInFull(manager);
      expect(socketOf(manager)?.writableLength).toBe(0);
      expect(await running).toEqual([{ one: 1 }]);
    });
  });

  it('stops waiting when the connection fails while the statement is still going out', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    const socket = socketOf(runner.manager);
    const [sql, parameters] = largeStatement(8 * 1024 * 1024);
    const running = runner.query(sql, parameters).catch((error: unknown) => error);
    await new Promise((resolve) => setImmediate(resolve));
    const sent = sentInFull(runner.manager);
    socket?.destroy();
    await expect(sent).resolves.toBeUndefined();
    expect(await running).toBeInstanceOf(Error);
    await runner.release().catch(() => undefined);
  });
});
