import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandPipelineHandler } from './command-pipeline.handler';
import { FoldedStreams } from './folded-streams';
import { IdempotencyRetention } from './idempotency-retention';
import { IdempotencyService } from './idempotency.service';
import { WriteExecutor } from './write-executor.service';
import { Writes } from './writes.service';

/** The one write path (the clock comes from ClockModule): every route sends its command through `Writes`. */
@Module({
  imports: [CqrsModule],
  providers: [
    IdempotencyService,
    IdempotencyRetention,
    WriteExecutor,
    FoldedStreams,
    CommandPipelineHandler,
    Writes,
  ],
  exports: [Writes, FoldedStreams],
})
export class WriteModule {}
