import { Module } from '@nestjs/common';
import { WriteModule } from '../write/write.module';
import { BudgetWritesController } from './budget-writes.controller';

@Module({
  imports: [WriteModule],
  controllers: [BudgetWritesController],
})
export class FiscalYearsModule {}
