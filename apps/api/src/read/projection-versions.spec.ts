import type { DataSource } from 'typeorm';
import { ProjectionVersions, writersOf } from './projection-versions';

/** Checkpoint rows as queryPrepared reaches them through TypeORM's pool; every statement is counted. */
function checkpoints(rows: Record<string, string>) {
  const statements: string[][] = [];
  const query = async ({ values }: { values: unknown[] }) => {
    const names = values[0] as string[];
    statements.push(names);
    return { rows: names.filter((name) => name in rows).map((name) => ({ key: name, version: rows[name] })) };
  };
  return { database: { driver: { master: { query } } } as unknown as DataSource, statements };
}

describe('the version of a read model', () => {
  it('is the version of the projection that writes each table read, named once', () => {
    expect(writersOf(['review_queue', 'application_summaries'])).toEqual(['application_summaries']);
    expect(writersOf(['round_statistics', 'application_summaries'])).toEqual([
      'round_statistics',
      'application_summaries',
    ]);
  });

  it('cannot be known for a table no projection writes', () => {
    expect(() => writersOf(['application_history'])).toThrow('no projection writes application_history');
  });

  it('joins the versions of its writers, read with one statement per turn', async () => {
    const { database, statements } = checkpoints({
      round_statistics: 's:7:t1',
      application_summaries: 'a:9:t2',
    });
    const versions = new ProjectionVersions(database);
    const [both, one] = await Promise.all([
      versions.of(['round_statistics', 'application_summaries']),
      versions.of(['application_summaries']),
    ]);
    expect(both).toBe('s:7:t1|a:9:t2');
    expect(one).toBe('a:9:t2');
    expect(statements).toHaveLength(1);
  });

  it('is unknown while a writer has no checkpoint row', async () => {
    const { database } = checkpoints({ application_summaries: 'a:9:t2' });
    const versions = new ProjectionVersions(database);
    expect(await versions.of(['round_statistics', 'application_summaries'])).toBeUndefined();
  });
});
