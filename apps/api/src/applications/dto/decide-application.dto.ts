import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_AMOUNT_YEN } from '../../funding/dto/money';
import { IsReason } from './reason';

export class DecideApplicationDto {
  @ApiProperty({ enum: ['adopted', 'rejected'] })
  @IsIn(['adopted', 'rejected'])
  outcome: 'adopted' | 'rejected';

  @IsReason('The written reason for the decision (採択 / 不採択)')
  reason: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Only with adopted; at most the requested grant (defaults to it)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_YEN)
  approvedGrant?: number;
}
