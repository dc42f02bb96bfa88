import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { PageQueryDto } from '../paging/page-query.dto';

export class ReviewQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2025-06', description: 'Only this intake round' })
  @IsOptional()
  @IsString()
  round?: string;

  @ApiPropertyOptional({ example: 2025, description: 'Only this fiscal year (年度)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear?: number;
}
