import { DataSource } from 'typeorm';
import { readModelEntities } from '@l10k/read-model';
import { createTestDatabase } from '../../../../test/test-database';

describe('the read-model entities', () => {
  it('describe exactly the tables the migrations create (synchronize would change nothing)', async () => {
    const dataSource = new DataSource({
      type: 'postgres',
      url: await createTestDatabase('read_model_entities'),
      entities: readModelEntities,
    });
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
