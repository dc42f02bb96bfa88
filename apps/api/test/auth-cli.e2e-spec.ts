import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { jwtVerify } from 'jose';
import request from 'supertest';
import { EXIT_BAD_ARGUMENTS, main } from '../../../scripts/token';
import { startApiForTest } from './api-test-app';

const SECRET = 'dev-token-secret-for-the-cli-specs-0123456789';

async function run(argv: string[], env: Record<string, string> = { DEV_TOKEN_SECRET: SECRET }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    env,
    { write: (text: string) => out.push(text) },
    { write: (text: string) => err.push(text) },
  );
  return { code, out: out.join(''), err: err.join('') };
}

describe('npm run token: dev tokens from the command line', () => {
  it('prints only a token, signed with the same secret and carrying the role and code', async () => {
    const { code, out, err } = await run(['--role', 'municipality', '--municipality', '032077']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const { payload, protectedHeader } = await jwtVerify(out.trim(), new TextEncoder().encode(SECRET), {
      issuer: 'l10k-dev',
    });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({
      roles: ['municipality'],
      municipalityCode: '032077',
      sub: 'dev-municipality-032077',
    });
  });

  it('takes --role more than once, and --sub and --name', async () => {
    const { code, out } = await run([
      '--role',
      'program_officer',
      '--role',
      'auditor',
      '--sub',
      'po-7',
      '--name',
      '総務 太郎',
    ]);
    expect(code).toBe(0);
    const { payload } = await jwtVerify(out.trim(), new TextEncoder().encode(SECRET));
    expect(payload).toMatchObject({ sub: 'po-7', name: '総務 太郎', roles: ['program_officer', 'auditor'] });
    expect(payload).not.toHaveProperty('municipalityCode');
  });

  it.each([
    [[], /--role: the "roles" claim must be a non-empty list/],
    [['--role', 'mayor'], /--role: .*got \["mayor"\]/],
    [['--role', 'municipality'], /--municipality: the "municipalityCode" claim is required/],
    [
      ['--role', 'municipality', '--municipality', '032078'],
      /--municipality: .*check digit of 032078 should be 7/,
    ],
    [
      ['--role', 'municipality', '--municipality', '999997'],
      /--municipality: .*999997 names no local government/,
    ],
    [['--rol', 'reviewer'], /Unknown option '--rol'/],
    [['--role'], /argument missing/],
    [['--role', 'reviewer', 'extra'], /positional argument/],
  ])('refuses %j with a message and exit code 2, printing no token', async (argv, message) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(EXIT_BAD_ARGUMENTS);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).toMatch(/usage: npm run -s token/);
  });

  it('refuses to print a token the API would not accept (AUTH_MODE=oidc)', async () => {
    const { code, out, err } = await run(['--role', 'reviewer'], {
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://id.example.jp/',
      OIDC_AUDIENCE: 'l10k',
    });
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toMatch(/AUTH_MODE is not dev/);
  });
});

describe('the API and the CLI share the secret kept in DATA_DIR', () => {
  let dataDir: string;
  let app: INestApplication;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'l10k-cli-'));
    app = await startApiForTest({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('accepts a token the CLI printed', async () => {
    const { code, out } = await run(['--role', 'reviewer', '--sub', 'expert-1'], { DATA_DIR: dataDir });
    expect(code).toBe(0);
    const response = await request(app.getHttpServer())
      .get('/v1/auth/me')
      .set('Authorization', `Bearer ${out.trim()}`)
      .expect(200);
    expect(response.body).toMatchObject({ sub: 'expert-1', roles: ['reviewer'] });
  });

  it('issues tokens signed with the secret in DATA_DIR/dev-token-secret, readable by its owner only', async () => {
    const issued = await request(app.getHttpServer())
      .post('/v1/auth/dev-tokens')
      .send({ sub: 'po-1', name: 'MIC', roles: ['program_officer'] })
      .expect(200);
    const file = join(dataDir, 'dev-token-secret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const { payload } = await jwtVerify(
      issued.body.token,
      new TextEncoder().encode(await readFile(file, 'utf8')),
    );
    expect(payload).toMatchObject({ sub: 'po-1', iss: 'l10k-dev' });
  });

  it('refuses a token the CLI made with another DATA_DIR, hence another secret', async () => {
    const other = await run(['--role', 'auditor'], { DATA_DIR: join(dataDir, 'elsewhere') });
    expect(other.code).toBe(0);
    const response = await request(app.getHttpServer())
      .get('/v1/auth/me')
      .set('Authorization', `Bearer ${other.out.trim()}`)
      .expect(401);
    expect(response.body.errors[0]).toMatchObject({
      rule: 'token_invalid',
      message: 'the signature does not verify',
    });
  });
});
