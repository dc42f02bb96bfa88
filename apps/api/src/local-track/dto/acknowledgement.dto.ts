import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { MIC_ANSWERS, type MicAnswerOutcome } from '@l10k/domain';
import { IsReason } from '../../applications/dto/reason';

export class AcknowledgementDto {
  @ApiProperty({ enum: MIC_ANSWERS })
  @IsIn(MIC_ANSWERS)
  outcome: MicAnswerOutcome;

  @IsReason('Why; for a return, what is missing')
  reason: string;
}
