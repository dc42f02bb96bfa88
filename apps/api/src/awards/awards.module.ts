import { Module } from '@nestjs/common';
import { WriteModule } from '../write/write.module';
import { AwardWritesController } from './award-writes.controller';

/** After adoption: the routes and DTOs; the pipeline and the award deciders do the rest. */
@Module({
  imports: [WriteModule],
  controllers: [AwardWritesController],
})
export class AwardsModule {}
