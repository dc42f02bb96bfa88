import { Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service';
import { WriteExecutor } from './write-executor.service';

/** The shared write path (the clock comes from ClockModule): idempotency records, load-decide-append with retries. */
@Module({
  providers: [IdempotencyService, WriteExecutor],
  exports: [WriteExecutor],
})
export class WriteModule {}
