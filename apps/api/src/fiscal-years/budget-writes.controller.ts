import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator';
import { FiscalYearPipe } from '../params/fiscal-year.pipe';
import { BudgetView } from '../views/budget.view';
import { Write } from '../write/write-request.decorator';
import type { WriteRequest } from '../write/write-request';
import { WriteResponses } from '../write/write-responses.decorator';
import { Writes } from '../write/writes.service';
import { SetBudgetDto } from './dto/set-budget.dto';

@ApiTags('fiscal-years')
@Controller('v1/fiscal-years')
export class BudgetWritesController {
  constructor(private readonly writes: Writes) {}

  @Put(':fy/budget')
  @Roles('program_officer')
  @ApiOperation({ summary: 'Set the fiscal year’s national budget and open or close intake' })
  @WriteResponses({
    view: BudgetView,
    resource: 'fiscal year budget',
    unprocessable: 'The budget would fall below what adoptions already committed',
  })
  setBudget(
    @Param('fy', new FiscalYearPipe('fy')) fiscalYear: number,
    @Body() body: SetBudgetDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<BudgetView> {
    const command = {
      type: 'SetBudget',
      data: { fiscalYear, nationalBudget: body.nationalBudget, intakeOpen: body.intakeOpen },
    } as const;
    return this.writes.execute(response, command, request);
  }
}
