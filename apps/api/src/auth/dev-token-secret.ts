import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '@l10k/config';
import { publishOnce } from '@l10k/database';

export const DEV_TOKEN_SECRET_FILE = 'dev-token-secret';

/**
 * The HS256 key for dev tokens: DEV_TOKEN_SECRET, or else a random one created once in
 * DATA_DIR, so the API that `npm start` runs and `npm run token` sign with the same key.
 */
export async function devTokenSecret(
  config: Pick<AppConfig, 'dataDir' | 'devTokenSecret'>,
): Promise<Uint8Array> {
  if (config.devTokenSecret !== undefined) return new TextEncoder().encode(config.devTokenSecret);
  const path = join(config.dataDir, DEV_TOKEN_SECRET_FILE);
  await mkdir(config.dataDir, { recursive: true });
  await publishOnce(path, randomBytes(32).toString('base64url'));
  const secret = (await readFile(path, 'utf8')).trim();
  if (secret.length < 32)
    throw new Error(`${path} holds fewer than 32 characters; delete it to have a new secret made`);
  return new TextEncoder().encode(secret);
}
