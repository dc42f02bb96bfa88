import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
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
}
