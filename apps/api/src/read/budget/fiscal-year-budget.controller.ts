import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import { Roles } from '../../auth/roles.decorator';
import { FiscalYearPipe } from '../../params/fiscal-year.pipe';
import { BudgetView } from '../../views/budget.view';
import { FiscalYearBudgetQuery } from './fiscal-year-budget.query';

@ApiTags('fiscal-years')
@Controller('v1/fiscal-years')
export class FiscalYearBudgetController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':fy/budget')
  @Roles('program_officer', 'auditor')
  @ApiOperation({ summary: 'The fiscal year’s national budget, committed national share and remaining' })
  @ApiOkResponse({ type: BudgetView })
  budget(@Param('fy', new FiscalYearPipe('fy')) fiscalYear: number): Promise<BudgetView> {
    return this.queries.execute(new FiscalYearBudgetQuery(fiscalYear));
  }
}
