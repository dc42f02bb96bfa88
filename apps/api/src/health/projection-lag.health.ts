import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { AppConfig, InjectConfig } from '@l10k/config';
import { EVENT_STORE, type EventStore } from '@l10k/eventstore';
import {
  PostgresCheckpointStore,
  projectionLag,
  readModelProjections,
  type CheckpointStore,
} from '@l10k/read-model';

/**
 * The read models are fresh enough: no projection is further behind the log than
 * PROJECTION_LAG_BOUND_MS (the age of its oldest unprocessed event, in real time).
 */
@Injectable()
export class ProjectionLagHealthIndicator {
  private readonly checkpoints: CheckpointStore;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    dataSource: DataSource,
    private readonly indicators: HealthIndicatorService,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.checkpoints = new PostgresCheckpointStore(dataSource);
  }

  async check(key = 'projections'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    let lags: Awaited<ReturnType<typeof projectionLag>>;
    try {
      lags = await projectionLag(
        this.store,
        this.checkpoints,
        readModelProjections.map((projection) => projection.name),
      );
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'lag unknown' });
    }
    const bound = this.config.projectionLagBoundMs;
    const details = {
      boundMs: bound,
      lagMs: Object.fromEntries(lags.map((lag) => [lag.name, lag.lagMs])),
    };
    return lags.every((lag) => lag.lagMs <= bound) ? indicator.up(details) : indicator.down(details);
  }
}
