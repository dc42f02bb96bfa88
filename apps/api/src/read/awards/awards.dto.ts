import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AWARD_STATUSES } from '@l10k/domain';

const LEDGER_STATUSES = ['adopted', ...AWARD_STATUSES] as const;

export class AwardsQueryDto {
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear?: number;

  @ApiPropertyOptional({ enum: LEDGER_STATUSES })
  @IsOptional()
  @IsIn(LEDGER_STATUSES)
  status?: (typeof LEDGER_STATUSES)[number];

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
