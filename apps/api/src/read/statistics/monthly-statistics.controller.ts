import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import { Roles } from '../../auth/roles.decorator';
import { FiscalYearPipe } from '../../params/fiscal-year.pipe';
import { MonthlyStatisticsView } from '../../views/monthly-statistics.view';
import { MonthlyStatisticsQuery } from './monthly-statistics.query';

@ApiTags('statistics')
@Controller('v1/statistics/monthly')
export class MonthlyStatisticsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('program_officer', 'auditor')
  @ApiOperation({
    summary:
      'Per intake round of a fiscal year: submitted, adopted, rejected, withdrawn, grants and national share',
  })
  @ApiQuery({ name: 'fiscalYear', example: 2025 })
  @ApiOkResponse({ type: MonthlyStatisticsView })
  monthly(
    @Query('fiscalYear', new FiscalYearPipe('fiscalYear')) fiscalYear: number,
  ): Promise<MonthlyStatisticsView> {
    return this.queries.execute(new MonthlyStatisticsQuery(fiscalYear));
  }
}
