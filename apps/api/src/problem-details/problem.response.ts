import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI description of application/problem+json. */
export class FieldErrorResponse {
  @ApiProperty({ example: 'funding.loan.amount' }) field: string;
  @ApiProperty({ example: 'min' }) rule: string;
  @ApiProperty() message: string;
}

export class ProblemResponse {
  @ApiProperty({ example: 'https://local10000.soumu.example/problems/invalid-request' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty() detail: string;
  @ApiProperty({ type: [FieldErrorResponse] }) errors: FieldErrorResponse[];
  @ApiPropertyOptional() instance?: string;
}
