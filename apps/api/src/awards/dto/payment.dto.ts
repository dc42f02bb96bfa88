import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../funding/dto/calendar-date';
import { MAX_AMOUNT_YEN } from '../../funding/dto/money';

export class PaymentDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'Yen paid; never above the confirmed national share in all',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_YEN)
  amount: number;

  @ApiProperty({ format: 'date', example: '2026-05-20' })
  @IsCalendarDate()
  paidOn: string;
}
