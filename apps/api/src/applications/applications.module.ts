import { Module } from '@nestjs/common';
import { WriteModule } from '../write/write.module';
import { ApplicationWritesController } from './application-writes.controller';

/** The application's write side: its routes and DTOs; the pipeline and deciders do the rest. */
@Module({
  imports: [WriteModule],
  controllers: [ApplicationWritesController],
})
export class ApplicationsModule {}
