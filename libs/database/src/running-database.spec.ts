import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@l10k/config';
import { forgetRunningDatabase, rememberRunningDatabase, withRunningDatabase } from './running-database';

describe('the running database note', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'l10k-running-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lets a CLI find the database npm start is running, readable by its owner only', () => {
    rememberRunningDatabase(dataDir, 'postgres://postgres:postgres@127.0.0.1:54329/postgres');
    expect(withRunningDatabase(loadConfig({ DATA_DIR: dataDir })).databaseUrl).toBe(
      'postgres://postgres:postgres@127.0.0.1:54329/postgres',
    );
    expect(statSync(join(dataDir, 'database-url')).mode & 0o777).toBe(0o600);
  });

  it('prefers DATABASE_URL when it is set', () => {
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://elsewhere/l10k' });
    expect(withRunningDatabase(config).databaseUrl).toBe('postgres://elsewhere/l10k');
  });

  it('says how to get a database when neither is there', () => {
    forgetRunningDatabase(dataDir);
    expect(() => withRunningDatabase(loadConfig({ DATA_DIR: dataDir }))).toThrow(ConfigError);
    expect(() => withRunningDatabase(loadConfig({ DATA_DIR: dataDir }))).toThrow(
      /start the system first, or set DATABASE_URL/,
    );
  });
});
