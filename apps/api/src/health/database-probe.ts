import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { Pool } from 'pg';
import { AppConfig, InjectConfig, requireDatabaseUrl } from '@l10k/config';

const PROBE_TIMEOUT_MS = 2000;

/**
 * The database answers, asked over a connection of its own: under load every connection of
 * the API's pool is busy with requests, and a probe that queues behind them would call a
 * healthy database down (seen at 64 concurrent clients).
 */
@Injectable()
export class DatabaseProbe implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(
    @InjectConfig() config: AppConfig,
    private readonly indicators: HealthIndicatorService,
  ) {
    this.pool = new Pool({
      connectionString: requireDatabaseUrl(config),
      max: 1,
      idleTimeoutMillis: 60_000,
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      statement_timeout: PROBE_TIMEOUT_MS,
    });
    // An idle probe connection that the server drops must not crash the process.
    this.pool.on('error', () => undefined);
  }

  async check(key = 'database'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      await this.pool.query('SELECT 1');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
