import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, StreamNotFoundError, type EventStore } from '@l10k/eventstore';

const PROBE_STREAM = 'health-probe';

/** The event store answers a read: a "no such stream" answer is as good as any. */
@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key = 'eventStore'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      await this.store.readStream(PROBE_STREAM, { toRevision: 0 });
      return indicator.up();
    } catch (error) {
      if (error instanceof StreamNotFoundError) return indicator.up();
      return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }
}
