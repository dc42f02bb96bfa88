import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createDatabase } from '@l10k/database';
import { eventStoreMigrations } from '@l10k/eventstore';
import { readModelEntities, readModelProjections } from '@l10k/read-model';
import { createTestDatabase } from '../../../../test/test-database';

/** The one table of the read-model migrations that no entity describes: the API's own record of write answers. */
const WRITE_SIDE_TABLES = ['idempotency_records'];

const publicTables = async (dataSource: DataSource): Promise<string[]> =>
  (
    await dataSource.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
  ).map((row: { tablename: string }) => row.tablename);

/** The tables a database has with the event store's migrations alone. */
async function eventStoreTables(): Promise<string[]> {
  const url = await createDatabase(
    process.env.TEST_DATABASE_SERVER_URL!,
    `event_store_only_${randomBytes(4).toString('hex')}`,
  );
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: eventStoreMigrations,
    migrationsTableName: 'schema_migrations',
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    return await publicTables(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

describe('the read-model entities', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'postgres',
      url: await createTestDatabase('read_model_entities'),
      entities: readModelEntities,
    });
    await dataSource.initialize();
  });

  afterAll(() => dataSource.destroy());

  it('describe exactly the tables the migrations create: columns, types, nullability, defaults, keys, indexes (synchronize would change nothing)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('describe every table the read-model migrations create, and every table a projection writes', async () => {
    const before = new Set(await eventStoreTables());
    const created = (await publicTables(dataSource)).filter((table) => !before.has(table));
    const described = dataSource.entityMetadatas.map((metadata) => metadata.tableName);
    expect([...described, ...WRITE_SIDE_TABLES].sort()).toEqual(created.sort());
    const written = readModelProjections.flatMap((projection) => projection.tables);
    expect(written.filter((table) => !described.includes(table))).toEqual([]);
  });

  it('name the indexes TypeORM cannot declare (GIN), and the migrations create them so named', async () => {
    for (const metadata of dataSource.entityMetadatas) {
      const declared = metadata.indices.map((index) => index.name).sort();
      const made: Array<{ indexname: string }> = await dataSource.query(
        `SELECT i.indexname FROM pg_indexes i
           JOIN pg_class c ON c.relname = i.indexname
           JOIN pg_index x ON x.indexrelid = c.oid
          WHERE i.tablename = $1 AND NOT x.indisprimary ORDER BY i.indexname`,
        [metadata.tableName],
      );
      expect({ table: metadata.tableName, indexes: made.map((row) => row.indexname) }).toEqual({
        table: metadata.tableName,
        indexes: declared,
      });
    }
  });
});
