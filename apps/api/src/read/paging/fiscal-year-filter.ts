import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?fiscalYear=2025` on a list: only that fiscal year (年度), a whole year between 2000 and 2100. */
export function FiscalYearFilter(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example: 2025, description: 'Only this fiscal year (年度)' }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(2000),
    Max(2100),
  );
}
