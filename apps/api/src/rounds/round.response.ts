import { ApiProperty } from '@nestjs/swagger';

export class RoundResponse {
  @ApiProperty({ example: '2025-06' }) round: string;
  @ApiProperty({ example: 2025 }) fiscalYear: number;
  @ApiProperty({ example: '2025-06-10T23:59:59.999+09:00' }) deadline: string;
  @ApiProperty({ example: '2025-07-22' }) decisionDueDate: string;
  @ApiProperty({ example: 'FY2025-v1' }) ruleSetId: string;
  @ApiProperty() provisional: boolean;
}
