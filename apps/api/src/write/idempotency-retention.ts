import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service';

/** How often each API process deletes the expired idempotency records: an indexed look, rarely a delete. */
export const IDEMPOTENCY_SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/**
 * The first sweep comes this long after start, plus up to as much again at random: a process
 * restarted more often than hourly still sweeps, and the workers the launcher starts together
 * do not sweep at the same moment.
 */
export const IDEMPOTENCY_FIRST_SWEEP_MS = 60 * 1000;

/**
 * Keeps idempotency_records from growing with every keyed write: each API process deletes the
 * records past their retention period soon after it starts, then every hour. Two processes
 * sweeping at once only share the work. A sweep that fails (the database away) is logged and
 * tried again at the next one.
 */
@Injectable()
export class IdempotencyRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyRetention.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> = Promise.resolve();

  constructor(private readonly idempotency: IdempotencyService) {}

  onApplicationBootstrap(): void {
    this.schedule(IDEMPOTENCY_FIRST_SWEEP_MS * (1 + Math.random()));
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  /** One sweep; never throws. */
  async sweep(): Promise<void> {
    try {
      const forgotten = await this.idempotency.forgetExpired();
      if (forgotten > 0) this.logger.log(`forgot ${forgotten} expired idempotency records`);
    } catch (error) {
      this.logger.warn(`expired idempotency records not deleted, tried again in an hour: ${String(error)}`);
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.sweeping = this.sweep();
      this.schedule(IDEMPOTENCY_SWEEP_INTERVAL_MS);
    }, delayMs);
    // The sweep never keeps a process alive that has nothing else to do.
    this.timer.unref();
  }
}
