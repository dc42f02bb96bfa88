import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApplicationWriteResponses } from '../../applications/application-write-responses.decorator';
import { Roles } from '../../auth/roles.decorator';
import { answer } from '../../write/answer';
import { Write } from '../../write/write-request.decorator';
import type { WriteRequest } from '../../write/write-request';
import type { WriteResult } from '../../write/write-result';
import { FiscalYearPipe } from '../fiscal-year.pipe';
import { SetBudgetCommand } from './set-budget.command';
import { SetBudgetDto } from './set-budget.dto';

@ApiTags('fiscal-years')
@Controller('v1/fiscal-years')
export class SetBudgetController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':fy/budget')
  @Roles('program_officer')
  @ApiOperation({ summary: 'Set the fiscal year’s national budget and open or close intake' })
  @ApplicationWriteResponses(200)
  async handle(
    @Param('fy', new FiscalYearPipe('fy')) fiscalYear: number,
    @Body() body: SetBudgetDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const result = await this.commands.execute<SetBudgetCommand, WriteResult>(
      new SetBudgetCommand(fiscalYear, request, body),
    );
    return answer(response, result);
  }
}
