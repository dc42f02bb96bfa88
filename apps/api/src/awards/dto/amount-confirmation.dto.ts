import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { MAX_AMOUNT_YEN } from '../../funding/dto/money';

/** Empty: the figures are computed. A `grant` confirms lower still and needs a `reason`. */
export class AmountConfirmationDto {
  @ApiPropertyOptional({ type: 'integer', description: 'Lower than the computed amount, with a reason' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_YEN)
  grant?: number;

  @ApiPropertyOptional({ maxLength: 4000 })
  @ValidateIf((body: AmountConfirmationDto) => body.grant !== undefined || body.reason !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'reason must be given with a lower grant' })
  @MaxLength(4000)
  reason?: string;
}
