import { Client } from 'pg';
import { createTestDatabase } from './test-database';

describe('the throwaway test database', () => {
  it('is a fresh PostgreSQL database with every migration applied', async () => {
    const url = await createTestDatabase('smoke');
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT current_setting('server_version_num')::int AS version");
      expect(rows[0].version).toBeGreaterThanOrEqual(130000);
      const migrations = await client.query('SELECT count(*)::int AS n FROM schema_migrations');
      expect(migrations.rows[0].n).toBeGreaterThanOrEqual(0);
    } finally {
      await client.end();
    }
  });
});
