import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { IsYen } from '../../funding/dto/money';

export class SetBudgetDto {
  @IsYen('The fiscal year’s national budget for the programme, integer yen', 2_000_000_000)
  nationalBudget: number;

  @ApiProperty({ description: 'false closes intake: submissions for this fiscal year are refused' })
  @IsBoolean()
  intakeOpen: boolean;
}
