import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI description of the calculator's answer (the value itself comes from @l10k/rules). */
export class RuleIssueResponse {
  @ApiProperty({ example: 'grant_within_cap' }) rule: string;
  @ApiProperty({ example: 'funding.grant' }) field: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) figures?: Record<string, unknown>;
}

export class SubsidyRateResponse {
  @ApiProperty({ example: 3 }) numerator: number;
  @ApiProperty({ example: 4 }) denominator: number;
  @ApiProperty({
    type: [String],
    example: ['disadvantaged_area_fsi_below_0.25'],
    description:
      'Every reason giving the rate; `disadvantaged_area_rates_for_municipalities_only` when a prefecture ' +
      'would have had a higher disadvantaged-area rate',
  })
  basis: string[];
}

export class FundingCalculationResponse {
  @ApiProperty({ example: 'FY2025-v1' }) ruleSetId: string;
  @ApiProperty() provisional: boolean;
  @ApiProperty({ enum: ['national', 'local'] }) track: string;
  @ApiProperty({
    enum: ['loan', 'equity'],
    description: 'Whether L is a loan or an equity investment (出資)',
  })
  financingForm: string;
  @ApiProperty({ type: 'integer' }) totalCost: number;
  @ApiProperty({ type: 'integer' }) eligibleCost: number;
  @ApiProperty({ type: 'integer' }) grant: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '1.50',
    description: 'L / G, truncated to 2 decimals',
  })
  loanMultiple: string | null;
  @ApiProperty({ type: 'integer', example: 35_000_000 }) cap: number;
  @ApiProperty({ type: 'integer' }) maxGrant: number;
  @ApiProperty({ type: SubsidyRateResponse }) subsidyRate: SubsidyRateResponse;
  @ApiProperty({ type: 'integer' }) nationalShare: number;
  @ApiProperty({ type: 'integer' }) specialTaxShare: number;
  @ApiProperty({ type: 'integer' }) municipalShare: number;
  @ApiProperty({ type: [RuleIssueResponse] }) violations: RuleIssueResponse[];
  @ApiProperty({ type: [RuleIssueResponse] }) warnings: RuleIssueResponse[];
}
