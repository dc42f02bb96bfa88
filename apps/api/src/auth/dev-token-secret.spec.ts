import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_TOKEN_SECRET_FILE, devTokenSecret } from './dev-token-secret';

describe('devTokenSecret: one key shared by the API and the token CLI', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'l10k-secret-')), 'data');
  });
  afterEach(async () => {
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });
  const text = (key: Uint8Array) => new TextDecoder().decode(key);

  it('uses DEV_TOKEN_SECRET when set and writes nothing', async () => {
    const key = await devTokenSecret({ dataDir, devTokenSecret: 'x'.repeat(40) });
    expect(text(key)).toBe('x'.repeat(40));
    await expect(stat(dataDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('otherwise creates a random secret in DATA_DIR, readable by its owner only, and reuses it', async () => {
    const first = await devTokenSecret({ dataDir });
    const file = join(dataDir, DEV_TOKEN_SECRET_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(text(first)).toBe(await readFile(file, 'utf8'));
    expect(text(first)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(text(await devTokenSecret({ dataDir }))).toBe(text(first));
  });

  it('gives racing callers the same secret', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => devTokenSecret({ dataDir })));
    expect(new Set(keys.map(text)).size).toBe(1);
    expect(await readdir(dataDir)).toEqual([DEV_TOKEN_SECRET_FILE]);
  });

  it('refuses a secret file too short to be a key', async () => {
    await devTokenSecret({ dataDir });
    await writeFile(join(dataDir, DEV_TOKEN_SECRET_FILE), 'short');
    await expect(devTokenSecret({ dataDir })).rejects.toThrow(/fewer than 32 characters/);
  });
});
