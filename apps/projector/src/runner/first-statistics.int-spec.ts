import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@l10k/eventstore';
import type { Projection } from '@l10k/read-model';
import { startProjectorFixture, type ProjectorFixture } from '../../test/projector-fixture';
import { withFirstStatistics } from './first-statistics';

jest.setTimeout(60_000);

const TABLE = 'first_statistics__rebuild';

/** A projection that writes one row per event it folds, two rows per application as round_statistics may. */
const scratch: Projection<'first_statistics'> = {
  name: 'first_statistics',
  tables: ['first_statistics'],
  events: {} as Projection['events'],
  async project(manager, events, tables) {
    await manager.query(
      `INSERT INTO ${tables.first_statistics} (application_id, round)
       SELECT gen_random_uuid(), r FROM generate_series(1, $1::int / 2), unnest(ARRAY['2025-01', '2025-02']) AS r`,
      [events.length],
    );
  },
};

const folding = (count: number): RecordedEvent[] =>
  Array.from({ length: count }, () => ({}) as RecordedEvent);

describe("a rebuild binding's first statistics", () => {
  let fixture: ProjectorFixture;
  let statements: string[];

  beforeAll(async () => {
    fixture = await startProjectorFixture('projector_first_statistics');
  });

  afterAll(() => fixture.close());

  beforeEach(async () => {
    statements = [];
    await fixture.dataSource.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await fixture.dataSource.query(
      `CREATE TABLE ${TABLE} (application_id uuid, round text, PRIMARY KEY (application_id, round))
       WITH (autovacuum_enabled = off)`,
    );
  });

  const binding = (after: number) =>
    withFirstStatistics(
      {
        projection: scratch,
        checkpointName: 'first_statistics__rebuild',
        tables: { first_statistics: TABLE },
      },
      after,
    );

  /** The batch in a transaction, its statements noted. */
  const batch = (bound: ReturnType<typeof binding>, events: number) =>
    fixture.dataSource.transaction(async (manager) => {
      const noting = new Proxy(manager, {
        get: (target, key) =>
          key === 'query'
            ? (sql: string, parameters?: unknown[]) => {
                statements.push(sql);
                return target.query(sql, parameters);
              }
            : Reflect.get(target, key),
      }) as EntityManager;
      await bound.projection.project(noting, folding(events), bound.tables, fixture.store);
    });

  const hasStatistics = async (): Promise<boolean> => {
    const [{ count }] = await fixture.dataSource.query(
      'SELECT count(*)::int AS count FROM pg_stats WHERE tablename = $1',
      [TABLE],
    );
    return count > 0;
  };

  /** The plan of a lookup of a few hundred applications, as round_statistics makes it per batch. */
  const lookupPlan = async (): Promise<string> => {
    const ids = await fixture.dataSource.query(`SELECT application_id FROM ${TABLE} LIMIT 300`);
    const plan: Array<{ 'QUERY PLAN': string }> = await fixture.dataSource.query(
      `EXPLAIN SELECT * FROM ${TABLE} WHERE application_id = ANY($1::uuid[])`,
      [ids.map((row: { application_id: string }) => row.application_id)],
    );
    return plan.map((line) => line['QUERY PLAN']).join('\n');
  };

  it('takes none before `after` events, so the planner reads the whole table to find a few hundred keys', async () => {
    const bound = binding(30_000);
    await batch(bound, 20_000);
    await batch(bound, 8_000);
    expect(statements.some((sql) => sql.startsWith('ANALYZE'))).toBe(false);
    expect(await hasStatistics()).toBe(false);
    expect(await lookupPlan()).toContain(`Seq Scan on ${TABLE}`);
  });

  it('analyses the tables once, in the batch that passes `after`; lookups then use the key, as the table grows', async () => {
    const bound = binding(30_000);
    await batch(bound, 20_000);
    await batch(bound, 20_000);
    await batch(bound, 20_000);
    expect(statements.filter((sql) => sql === `ANALYZE ${TABLE}`)).toHaveLength(1);
    expect(await hasStatistics()).toBe(true);
    const plan = await lookupPlan();
    expect(plan).toContain(`${TABLE}_pkey`);
    expect(plan).not.toContain('Seq Scan');
  });
});
