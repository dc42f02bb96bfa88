import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, ConfigError } from '@l10k/config';
import { fresh } from '@l10k/rules';

/** Where `npm start` notes the embedded database's URL, so that CLIs find it without DATABASE_URL. */
const fileOf = (dataDir: string): string => join(dataDir, 'database-url');

export function rememberRunningDatabase(dataDir: string, url: string): void {
  writeFileSync(fileOf(dataDir), `${url}\n`, { mode: 0o600 });
}

export function forgetRunningDatabase(dataDir: string): void {
  rmSync(fileOf(dataDir), { force: true });
}

/**
 * The configuration with a database: DATABASE_URL when set, else the one a running
 * `npm start` uses under DATA_DIR. Neither: a message saying how to get one.
 */
export function withRunningDatabase(config: AppConfig): AppConfig {
  if (config.databaseUrl) return config;
  try {
    return { ...fresh, ...config, databaseUrl: readFileSync(fileOf(config.dataDir), 'utf8').trim() };
  } catch {
    throw new ConfigError([
      `DATABASE_URL is not set and no \`npm start\` is running with DATA_DIR=${config.dataDir}: start the system first, or set DATABASE_URL`,
    ]);
  }
}
