import { ApiProperty } from '@nestjs/swagger';

/** One intake round (a month) of a fiscal year; yen are integers. */
export class RoundStatisticsView {
  @ApiProperty({ example: '2025-06' }) round: string;
  @ApiProperty({
    type: 'integer',
    description: '(Re)submissions that joined the round, each application once',
  })
  submitted: number;
  @ApiProperty({ type: 'integer' }) adopted: number;
  @ApiProperty({ type: 'integer' }) rejected: number;
  @ApiProperty({ type: 'integer' }) withdrawn: number;
  @ApiProperty({ type: 'integer', description: 'Grants requested by the round’s submissions' })
  requestedGrant: number;
  @ApiProperty({ type: 'integer', description: 'Approved grants of the round’s adoptions' })
  approvedGrant: number;
  @ApiProperty({ type: 'integer', description: 'National shares committed by the round’s adoptions' })
  nationalShare: number;
  @ApiProperty({ type: 'integer', description: 'Local track: reports to MIC in the round' })
  localReported: number;
  @ApiProperty({ type: 'integer' }) localAcknowledged: number;
  @ApiProperty({ type: 'integer' }) localReturned: number;
  @ApiProperty({ type: 'integer' }) localWithdrawn: number;
  @ApiProperty({ type: 'integer', description: 'Grants of the round’s local reports (no national share)' })
  localGrant: number;
}

/** Every round of the fiscal year, April to March, zeros included. */
export class MonthlyStatisticsView {
  @ApiProperty({ example: 2025 }) fiscalYear: number;
  @ApiProperty({ type: [RoundStatisticsView] }) rounds: RoundStatisticsView[];
}
