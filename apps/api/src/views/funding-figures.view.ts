import { PickType } from '@nestjs/swagger';
import { FundingCalculationResponse } from '../funding/dto/funding-calculation.response';

/** The calculator's figures as an event records them. */
export class FundingFiguresView extends PickType(FundingCalculationResponse, [
  'track',
  'totalCost',
  'eligibleCost',
  'grant',
  'loanMultiple',
  'cap',
  'maxGrant',
  'subsidyRate',
  'nationalShare',
  'specialTaxShare',
  'municipalShare',
] as const) {}
