import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsReason } from '../../applications/dto/reason';

export class PlanChangeDecisionDto {
  @ApiProperty({ enum: ['approved', 'refused'] })
  @IsIn(['approved', 'refused'])
  outcome: 'approved' | 'refused';

  @IsReason('The reason for approving or refusing')
  reason: string;
}
