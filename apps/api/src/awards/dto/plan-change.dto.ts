import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { ApplicationPlanDto } from '../../applications/dto/application-plan.dto';
import { IsReason } from '../../applications/dto/reason';
import type { DocumentRefDto } from './document-ref.dto';
import { IsDocumentRefs } from './documents';

export class PlanChangeDto {
  @ApiProperty({
    type: ApplicationPlanDto,
    description: 'The whole changed plan; every funding rule runs on it',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicationPlanDto)
  plan: ApplicationPlanDto;

  @IsReason('Why the plan changes')
  reason: string;

  @IsDocumentRefs('変更承認申請書 or evidence')
  documents?: DocumentRefDto[];
}
