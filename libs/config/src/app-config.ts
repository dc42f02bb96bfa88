/** The system's configuration, read from environment variables once at start. */
export interface AppConfig {
  /** Unset: the launcher starts an embedded PostgreSQL under `dataDir`. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly port: number;
  /** The interface the API listens on; unset: all of them, or 127.0.0.1 in dev mode (see listenHost). */
  readonly host?: string;
  readonly eventStore: 'postgres' | 'kurrentdb';
  readonly kurrentDbUrl?: string;
  readonly authMode: 'dev' | 'oidc';
  readonly oidcIssuer?: string;
  readonly oidcAudience?: string;
  /** HS256 secret for dev tokens; unset → a random one kept in `${dataDir}/dev-token-secret`. */
  readonly devTokenSecret?: string;
  readonly devTokenTtlSeconds: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Whether a fiscal year without a rule set of its own may use the latest earlier one (flagged provisional). */
  readonly provisionalRuleSets: boolean;
  /** /health/ready fails when a projection lags the log by more than this many milliseconds. */
  readonly projectionLagBoundMs: number;
  /** API processes `npm start` runs on the one port (API_WORKERS; default: one per core). */
  readonly apiWorkers: number;
  /** The largest document an upload may carry, in bytes (DOCUMENT_MAX_BYTES, default 20 MiB); above it: 413. */
  readonly documentMaxBytes: number;
  /** How long the first answer to an Idempotency-Key is kept and replayed (IDEMPOTENCY_RETENTION_HOURS, default 24). */
  readonly idempotencyRetentionHours: number;
}
