import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { FiscalYearBudgetRow } from '@l10k/read-model';
import { Roles } from '../../auth/roles.decorator';
import { FiscalYearPipe } from '../../params/fiscal-year.pipe';
import { BudgetView } from '../../views/budget.view';

@ApiTags('fiscal-years')
@Controller('v1/fiscal-years')
export class FiscalYearBudgetController {
  constructor(
    @InjectRepository(FiscalYearBudgetRow) private readonly budgets: Repository<FiscalYearBudgetRow>,
  ) {}

  /** A year whose budget was never set reads as the domain treats it: open, nothing to commit. */
  @Get(':fy/budget')
  @Roles('program_officer', 'auditor')
  @ApiOperation({ summary: 'The fiscal year’s national budget, committed national share and remaining' })
  @ApiOkResponse({ type: BudgetView })
  async budget(@Param('fy', new FiscalYearPipe('fy')) fiscalYear: number): Promise<BudgetView> {
    const row = await this.budgets.findOneBy({ fiscalYear });
    if (!row)
      return {
        fiscalYear,
        nationalBudget: 0,
        committed: 0,
        remaining: 0,
        intakeOpen: true,
        adoptedApplications: 0,
        decided: 0,
        confirmed: 0,
        released: 0,
        paid: 0,
        revision: -1,
      };
    return {
      fiscalYear,
      nationalBudget: row.nationalBudget,
      committed: row.committed,
      remaining: row.remaining,
      intakeOpen: row.intakeOpen,
      adoptedApplications: row.adoptedApplications,
      decided: row.decided,
      confirmed: row.confirmed,
      released: row.released,
      paid: row.paid,
      revision: row.streamRevision,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
