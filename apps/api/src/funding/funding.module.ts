import { Module } from '@nestjs/common';
import { RuleSetsModule } from '../rule-sets/rule-sets.module';
import { FundingCalculationsController } from './funding-calculations.controller';
import { FundingCalculatorService } from './funding-calculator.service';

@Module({
  imports: [RuleSetsModule],
  controllers: [FundingCalculationsController],
  providers: [FundingCalculatorService],
  exports: [FundingCalculatorService],
})
export class FundingModule {}
