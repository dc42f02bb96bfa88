import { Module } from '@nestjs/common';
import { WriteModule } from '../write/write.module';
import { LocalTrackWritesController } from './local-track-writes.controller';

/** The local track: the routes and DTOs; the pipeline and the local-track deciders do the rest. */
@Module({
  imports: [WriteModule],
  controllers: [LocalTrackWritesController],
})
export class LocalTrackModule {}
