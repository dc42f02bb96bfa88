import type { DataSource } from 'typeorm';
import { CoalescedRead } from './coalesced-read';

interface Row {
  readonly key: string;
  readonly title: string;
}

const TEXT = 'SELECT id::text AS key, title FROM things WHERE id = ANY($1::uuid[])';

/** A read model holding `rows`, reached as queryPrepared reaches TypeORM's pool; every statement is kept. */
function readModel(rows: readonly Row[]) {
  const statements: Array<{ name?: string; text: string; keys: string[] }> = [];
  const failure: { next?: Error } = {};
  const query = async ({ name, text, values }: { name?: string; text: string; values: unknown[] }) => {
    const keys = values[0] as string[];
    statements.push({ name, text, keys });
    const error = failure.next;
    failure.next = undefined;
    if (error) throw error;
    return { rows: rows.filter((row) => keys.includes(row.key)) };
  };
  const database = { driver: { master: { query } } } as unknown as DataSource;
  return { database, statements, failure };
}

const rows: Row[] = Array.from({ length: 250 }, (_, index) => ({
  key: `id-${index}`,
  title: `thing ${index}`,
}));

describe('a read coalesced by key', () => {
  it('reads the keys asked for in one turn of the event loop with one statement, each caller getting its own row', async () => {
    const { database, statements } = readModel(rows);
    const things = new CoalescedRead<Row>(database, TEXT);
    const read = await Promise.all(['id-3', 'id-1', 'id-7'].map((key) => things.read(key)));
    expect(read.map((row) => row?.title)).toEqual(['thing 3', 'thing 1', 'thing 7']);
    expect(statements).toHaveLength(1);
    expect(statements[0].keys).toEqual(['id-3', 'id-1', 'id-7']);
    expect(statements[0].name).toMatch(/^read_/);
  });

  it('answers undefined for a key without a row, and only for it', async () => {
    const { database } = readModel(rows);
    const things = new CoalescedRead<Row>(database, TEXT);
    const [missing, present] = await Promise.all([things.read('nowhere'), things.read('id-2')]);
    expect(missing).toBeUndefined();
    expect(present?.title).toBe('thing 2');
  });

  it('gives two callers of the same key the same row', async () => {
    const { database } = readModel(rows);
    const things = new CoalescedRead<Row>(database, TEXT);
    const [first, second] = await Promise.all([things.read('id-5'), things.read('id-5')]);
    expect(first?.title).toBe('thing 5');
    expect(second?.title).toBe('thing 5');
  });

  it('keeps nothing: a later turn reads the row again, as it is then', async () => {
    const changing = [{ key: 'id-0', title: 'before' }];
    const { database, statements } = readModel(changing);
    const things = new CoalescedRead<Row>(database, TEXT);
    expect((await things.read('id-0'))?.title).toBe('before');
    changing[0] = { key: 'id-0', title: 'after' };
    expect((await things.read('id-0'))?.title).toBe('after');
    expect(statements).toHaveLength(2);
  });

  it('splits a crowded turn into statements of at most 100 keys', async () => {
    const { database, statements } = readModel(rows);
    const things = new CoalescedRead<Row>(database, TEXT);
    const read = await Promise.all(rows.map((row) => things.read(row.key)));
    expect(read.every((row, index) => row?.title === `thing ${index}`)).toBe(true);
    expect(statements.map((statement) => statement.keys.length)).toEqual([100, 100, 50]);
  });

  it('passes a failed statement to every caller it served, and serves the next turn afresh', async () => {
    const { database, statements, failure } = readModel(rows);
    const things = new CoalescedRead<Row>(database, TEXT);
    failure.next = new Error('connection terminated');
    const outcomes = await Promise.allSettled([things.read('id-1'), things.read('id-2')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect((await things.read('id-1'))?.title).toBe('thing 1');
    expect(statements).toHaveLength(2);
  });
});
