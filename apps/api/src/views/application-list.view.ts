import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_STATUSES } from '@l10k/domain';

/** A line of the application list: what a table shows, not the whole plan. */
export class ApplicationListItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '032077' }) municipalityCode: string;
  @ApiProperty({ example: '久慈市', type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true, example: '2025-06' }) round: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) fiscalYear: number | null;
  @ApiProperty({ type: String, nullable: true }) projectTitle: string | null;
  @ApiProperty({ type: String, nullable: true }) businessName: string | null;
  @ApiProperty({ enum: ['national', 'local'] }) track: string;
  @ApiProperty({ type: 'integer', nullable: true }) requestedGrant: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) approvedGrant: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) nationalShare: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    example: '2025-06-10T23:59:59.999+09:00',
    description: 'The deadline of its round, in Japan time; null for a draft',
  })
  deadline: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) decisionDueDate: string | null;
  @ApiProperty({ type: 'integer' }) reviewsDone: number;
  @ApiProperty({ type: 'integer', nullable: true }) reviewsNeeded: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: 'integer' }) revision: number;
}

export class ApplicationListView {
  @ApiProperty({ type: [ApplicationListItemView] }) items: ApplicationListItemView[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor: string | null;
}
