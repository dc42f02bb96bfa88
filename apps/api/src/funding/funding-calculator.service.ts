import { Injectable } from '@nestjs/common';
import { FundingCalculation, FundingPlan, calculateFunding } from '@l10k/rules';
import { RuleSetResolver } from '../rule-sets/rule-set-resolver.service';

@Injectable()
export class FundingCalculatorService {
  constructor(private readonly ruleSets: RuleSetResolver) {}

  calculate(plan: FundingPlan): FundingCalculation {
    const { ruleSet, provisional } = this.ruleSets.forFiscalYear(plan.fiscalYear, 'fiscalYear');
    return calculateFunding(plan, ruleSet, { provisional });
  }
}
