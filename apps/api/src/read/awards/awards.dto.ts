import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { AWARD_STATUSES } from '@l10k/domain';
import { FiscalYearFilter } from '../paging/fiscal-year-filter';
import { PageQueryDto } from '../paging/page-query.dto';

const LEDGER_STATUSES = ['adopted', ...AWARD_STATUSES] as const;

export class AwardsQueryDto extends PageQueryDto {
  @FiscalYearFilter()
  fiscalYear?: number;

  @ApiPropertyOptional({ enum: LEDGER_STATUSES })
  @IsOptional()
  @IsIn(LEDGER_STATUSES)
  status?: (typeof LEDGER_STATUSES)[number];

  // 'loose': any uuid shape, as the application's own path (/v1/applications/{id}) accepts.
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this application’s award (none if it is not adopted, or not the caller’s to see)',
  })
  @IsOptional()
  @IsUUID('loose')
  applicationId?: string;
}
