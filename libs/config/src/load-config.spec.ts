import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: undefined,
      dataDir: '.data',
      port: 3000,
      host: undefined,
      eventStore: 'postgres',
      kurrentDbUrl: undefined,
      authMode: 'dev',
      oidcIssuer: undefined,
      oidcAudience: undefined,
      devTokenSecret: undefined,
      devTokenTtlSeconds: 43200,
      logLevel: 'info',
      provisionalRuleSets: true,
      projectionLagBoundMs: 5000,
      apiWorkers: availableParallelism(),
      documentMaxBytes: 20_971_520,
      idempotencyRetentionHours: 24,
    });
  });

  it('reads every variable it knows', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/l10k',
      DATA_DIR: '/var/l10k',
      PORT: '8080',
      HOST: '0.0.0.0',
      EVENTSTORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false',
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://id.example.jp/',
      OIDC_AUDIENCE: 'l10k-api',
      PROVISIONAL_RULE_SETS: 'false',
      DEV_TOKEN_SECRET: 'a-secret-of-at-least-thirty-two-chars',
      DEV_TOKEN_TTL_SECONDS: '600',
      DOCUMENT_MAX_BYTES: '1048576',
      API_WORKERS: '3',
      IDEMPOTENCY_RETENTION_HOURS: '48',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/l10k',
      dataDir: '/var/l10k',
      port: 8080,
      host: '0.0.0.0',
      eventStore: 'kurrentdb',
      authMode: 'oidc',
      provisionalRuleSets: false,
      devTokenSecret: 'a-secret-of-at-least-thirty-two-chars',
      devTokenTtlSeconds: 600,
      documentMaxBytes: 1_048_576,
      apiWorkers: 3,
      idempotencyRetentionHours: 48,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be an integer from 1 to 65535 (got "70000")'],
    [{ API_WORKERS: '0' }, 'API_WORKERS must be an integer from 1 to 64 (got "0")'],
    [{ API_WORKERS: 'all' }, 'API_WORKERS must be an integer from 1 to 64 (got "all")'],
    [
      { IDEMPOTENCY_RETENTION_HOURS: '0' },
      'IDEMPOTENCY_RETENTION_HOURS must be an integer from 1 to 8784 (got "0")',
    ],
    [
      { DOCUMENT_MAX_BYTES: '20MB' },
      'DOCUMENT_MAX_BYTES must be an integer from 1 to 2147483648 (got "20MB")',
    ],
    [{ DOCUMENT_MAX_BYTES: '0' }, 'DOCUMENT_MAX_BYTES must be an integer from 1 to 2147483648 (got "0")'],
    [{ EVENTSTORE: 'mongo' }, 'EVENTSTORE must be one of postgres, kurrentdb (got "mongo")'],
    [{ EVENTSTORE: 'kurrentdb' }, 'KURRENTDB_URL is required when EVENTSTORE=kurrentdb'],
    [
      { DATABASE_URL: 'mysql://x/y' },
      'DATABASE_URL must be a postgres: or postgresql: URL (got protocol "mysql:")',
    ],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL is not a valid URL'],
    [{ AUTH_MODE: 'oidc' }, 'OIDC_ISSUER is required when AUTH_MODE=oidc'],
    [{ DEV_TOKEN_SECRET: 'short' }, 'DEV_TOKEN_SECRET must be at least 32 characters'],
    [{ DEV_TOKEN_TTL_SECONDS: '0' }, 'DEV_TOKEN_TTL_SECONDS must be an integer from 1 to 2592000 (got "0")'],
    [{ PROVISIONAL_RULE_SETS: 'maybe' }, 'PROVISIONAL_RULE_SETS must be true or false (got "maybe")'],
  ])('refuses %j naming the variable', (env, problem) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).problems).toContain(problem);
    }
  });

  describe('AUTH_MODE outside the embedded setup, for the processes that accept tokens', () => {
    const acceptsTokens = { acceptsTokens: true };

    it('refuses DATABASE_URL without AUTH_MODE, naming AUTH_MODE', () => {
      expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/l10k' }, acceptsTokens)).toThrow(
        /AUTH_MODE must be set when DATABASE_URL is/,
      );
    });

    it('keeps dev as the default of the embedded setup (no DATABASE_URL)', () => {
      expect(loadConfig({}, acceptsTokens).authMode).toBe('dev');
    });

    it('takes either mode when it is chosen', () => {
      const env = { DATABASE_URL: 'postgres://u:p@db:5432/l10k' };
      expect(loadConfig({ ...env, AUTH_MODE: 'dev' }, acceptsTokens).authMode).toBe('dev');
      expect(
        loadConfig(
          { ...env, AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://id.example.jp/', OIDC_AUDIENCE: 'l10k-api' },
          acceptsTokens,
        ).authMode,
      ).toBe('oidc');
    });

    it('does not concern the processes that accept no token (projector, migrations)', () => {
      expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/l10k' }).authMode).toBe('dev');
    });
  });

  it('reports every problem at once', () => {
    expect(() => loadConfig({ PORT: '0', AUTH_MODE: 'saml' })).toThrow(
      /AUTH_MODE must be one of dev, oidc[\s\S]*PORT must be an integer/,
    );
  });
});
