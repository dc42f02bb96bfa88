import { availableParallelism } from 'node:os';
import type { AppConfig } from './app-config';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** 20 MiB: a scanned business plan or a photographed receipt fits; a video does not. */
export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
/** 2 GiB: far above any paper form, and still a size a file system and a stream count exactly. */
const MAX_DOCUMENT_MAX_BYTES = 2 * 1024 * 1024 * 1024;

type Env = Readonly<Record<string, string | undefined>>;

export interface LoadConfigOptions {
  /**
   * For the processes that accept tokens (the API, the launcher that starts it, the token CLI):
   * dev mode hands a token to anyone who asks, so it is the default of the embedded setup only.
   * With DATABASE_URL set, AUTH_MODE must be chosen.
   */
  readonly acceptsTokens?: boolean;
}

/**
 * Reads and validates the environment. Every problem is reported at once, each naming
 * its variable, so a misconfigured start fails with one readable message.
 */
export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = read(name) ?? fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const value = read(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return Number(value);
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const value = read(name);
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  };
  const url = (name: string, protocols: readonly string[]): string | undefined => {
    const value = read(name);
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must be a ${protocols.join(' or ')} URL (got protocol "${parsed.protocol}")`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return value;
  };

  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const eventStore = oneOf('EVENTSTORE', ['postgres', 'kurrentdb'] as const, 'postgres');
  const kurrentDbUrl = url('KURRENTDB_URL', ['kurrentdb:', 'kurrentdb+discover:', 'esdb:', 'esdb+discover:']);
  if (eventStore === 'kurrentdb' && !kurrentDbUrl)
    problems.push('KURRENTDB_URL is required when EVENTSTORE=kurrentdb');
  const authMode = oneOf('AUTH_MODE', ['dev', 'oidc'] as const, 'dev');
  if (options.acceptsTokens && databaseUrl !== undefined && read('AUTH_MODE') === undefined) {
    problems.push(
      'AUTH_MODE must be set when DATABASE_URL is: oidc (with OIDC_ISSUER and OIDC_AUDIENCE), or dev, which issues a token for any role to anyone who asks and is the default of the embedded setup only',
    );
  }
  const oidcIssuer = url('OIDC_ISSUER', ['https:', 'http:']);
  const oidcAudience = read('OIDC_AUDIENCE');
  if (authMode === 'oidc') {
    if (!oidcIssuer) problems.push('OIDC_ISSUER is required when AUTH_MODE=oidc');
    if (!oidcAudience) problems.push('OIDC_AUDIENCE is required when AUTH_MODE=oidc');
  }

  const devTokenSecret = read('DEV_TOKEN_SECRET');
  // HS256 is only as strong as its key: RFC 7518 asks for at least as many bytes as the hash.
  if (devTokenSecret !== undefined && devTokenSecret.length < 32) {
    problems.push('DEV_TOKEN_SECRET must be at least 32 characters');
  }

  const config: AppConfig = {
    databaseUrl,
    dataDir: read('DATA_DIR') ?? '.data',
    port: integer('PORT', 3000, 1, 65535),
    host: read('HOST'),
    eventStore,
    kurrentDbUrl,
    authMode,
    oidcIssuer,
    oidcAudience,
    devTokenSecret,
    devTokenTtlSeconds: integer('DEV_TOKEN_TTL_SECONDS', 12 * 60 * 60, 1, 30 * 24 * 60 * 60),
    logLevel: oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    provisionalRuleSets: boolean('PROVISIONAL_RULE_SETS', true),
    projectionLagBoundMs: integer('PROJECTION_LAG_BOUND_MS', 5000, 1, 86_400_000),
    apiWorkers: integer('API_WORKERS', availableParallelism(), 1, 64),
    documentMaxBytes: integer('DOCUMENT_MAX_BYTES', DEFAULT_DOCUMENT_MAX_BYTES, 1, MAX_DOCUMENT_MAX_BYTES),
    idempotencyRetentionHours: integer('IDEMPOTENCY_RETENTION_HOURS', 24, 1, 366 * 24),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The same as loadConfig, but for processes that need a database URL to be set (api, projector). */
export function requireDatabaseUrl(config: AppConfig): string {
  if (!config.databaseUrl) {
    throw new ConfigError([
      'DATABASE_URL is required here (npm start sets it when it starts the embedded PostgreSQL)',
    ]);
  }
  return config.databaseUrl;
}
