import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { FiscalYearFilter } from '../paging/fiscal-year-filter';
import { PageQueryDto } from '../paging/page-query.dto';

export class ReviewQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2025-06', description: 'Only this intake round' })
  @IsOptional()
  @IsString()
  round?: string;

  @FiscalYearFilter()
  fiscalYear?: number;
}
