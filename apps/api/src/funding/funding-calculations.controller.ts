import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FundingCalculation } from '@l10k/rules';
import { ProblemResponse } from '../problem-details/problem.response';
import { FundingCalculationResponse } from './dto/funding-calculation.response';
import { FundingPlanDto } from './dto/funding-plan.dto';
import { toFundingPlan } from './dto/to-funding-plan';
import { FundingCalculatorService } from './funding-calculator.service';
import { Public } from '../auth/public.decorator';

@ApiTags('funding')
@Public()
@Controller('v1/funding/calculations')
export class FundingCalculationsController {
  constructor(private readonly calculator: FundingCalculatorService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Calculate a plan’s funding',
    description:
      'Public, no token. Answers for any well-formed plan: rule violations are listed, not refused. ' +
      'Figures are integer yen; N + T + M = G exactly. With `municipality.code` a prefecture gets the base ' +
      'rate and no local track; `funding.loan.form: equity` counts exactly like a loan.',
  })
  @ApiOkResponse({ type: FundingCalculationResponse })
  @ApiBadRequestResponse({
    type: ProblemResponse,
    description: 'Malformed body, e.g. a municipality code with a wrong check digit; each bad field named',
  })
  @ApiUnprocessableEntityResponse({ type: ProblemResponse, description: 'No rule set for the fiscal year' })
  calculate(@Body() plan: FundingPlanDto): FundingCalculation {
    return this.calculator.calculate(toFundingPlan(plan));
  }
}
