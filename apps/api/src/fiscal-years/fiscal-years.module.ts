import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { WriteModule } from '../write/write.module';
import { SetBudgetController } from './set-budget/set-budget.controller';
import { SetBudgetHandler } from './set-budget/set-budget.handler';

@Module({
  imports: [CqrsModule, WriteModule],
  controllers: [SetBudgetController],
  providers: [SetBudgetHandler],
})
export class FiscalYearsModule {}
