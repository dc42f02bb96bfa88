import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { APPLICATION_STATUSES, ApplicationStatus } from '@l10k/domain';
import { IsLocalGovernmentCode } from '../../auth/dto/is-local-government-code';
import { FiscalYearFilter } from '../paging/fiscal-year-filter';

export class ListApplicationsQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ example: '2025-06' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'round must be written YYYY-MM' })
  round?: string;

  @FiscalYearFilter()
  fiscalYear?: number;

  @ApiPropertyOptional({ example: '032077' })
  @IsOptional()
  @IsLocalGovernmentCode()
  municipalityCode?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
