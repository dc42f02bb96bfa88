import { Module } from '@nestjs/common';
import { WriteModule } from '../write/write.module';
import { AmountConfirmationPreview } from './amount-confirmation-preview';
import { AmountConfirmationPreviewController } from './amount-confirmation-preview.controller';
import { AwardWritesController } from './award-writes.controller';

/** After adoption: the routes and DTOs; the pipeline and the award deciders do the rest (額の確定's preview included). */
@Module({
  imports: [WriteModule],
  controllers: [AwardWritesController, AmountConfirmationPreviewController],
  providers: [AmountConfirmationPreview],
})
export class AwardsModule {}
