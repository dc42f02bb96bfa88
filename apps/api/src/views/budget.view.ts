import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A fiscal year's national budget as writes and reads answer it. */
export class BudgetView {
  @ApiProperty({ example: 2025 }) fiscalYear: number;
  @ApiProperty({ type: 'integer', example: 1_000_000_000 }) nationalBudget: number;
  @ApiProperty({ type: 'integer', description: 'National share committed by adoptions' }) committed: number;
  @ApiProperty({ type: 'integer' }) remaining: number;
  @ApiProperty({ description: 'false: submissions for this fiscal year are refused' }) intakeOpen: boolean;
  @ApiProperty({ type: 'integer' }) adoptedApplications: number;
  @ApiProperty({ type: 'integer', description: 'National shares of grant decisions (交付決定)' })
  decided: number;
  @ApiProperty({ type: 'integer', description: 'Confirmed national shares (額の確定)' }) confirmed: number;
  @ApiProperty({ type: 'integer', description: 'Given back by decisions, abandonments and confirmations' })
  released: number;
  @ApiProperty({ type: 'integer', description: 'Paid (精算払)' }) paid: number;
  @ApiProperty({ type: 'integer', description: 'The stream revision (-1 before the budget is first set)' })
  revision: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'Reads only' }) updatedAt?: string;
}
