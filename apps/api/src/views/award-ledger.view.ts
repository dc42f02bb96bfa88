import { ApiProperty } from '@nestjs/swagger';
import { AWARD_STATUSES } from '@l10k/domain';

/** What the municipality owes next and by when, counted in Japan time. */
export class DueView {
  @ApiProperty({ enum: ['grant_application', 'performance_report'] }) kind: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ type: 'integer', description: 'Days from today to the due date; negative when past' })
  daysRemaining: number;
  @ApiProperty() overdue: boolean;
}

/** One adopted application on the award ledger: approved → decided → confirmed → paid. */
export class AwardLedgerItemView {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The plan’s project title (事業名)' })
  projectTitle: string | null;
  @ApiProperty({ example: '032077' }) municipalityCode: string;
  @ApiProperty({ example: '久慈市', nullable: true, type: String }) municipalityName: string | null;
  @ApiProperty({ example: 2025 }) fiscalYear: number;
  @ApiProperty({ enum: ['adopted', ...AWARD_STATUSES] }) status: string;
  @ApiProperty({ format: 'date-time' }) adoptedAt: string;
  @ApiProperty({ type: 'integer' }) approvedGrant: number;
  @ApiProperty({ type: 'integer' }) approvedNationalShare: number;
  @ApiProperty({ type: 'integer', nullable: true }) decidedGrant: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) decidedNationalShare: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) confirmedGrant: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) confirmedNationalShare: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The rule or figure that set the confirmed grant',
  })
  limitedBy: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'National share the budget holds for it now' })
  commitment: number | null;
  @ApiProperty({ type: 'integer' }) paid: number;
  @ApiProperty({ type: 'integer', description: 'To be refunded after a correction (返還)' })
  refundDue: number;
  @ApiProperty({ type: DueView, nullable: true, description: 'The next thing the municipality owes, if any' })
  due: DueView | null;
  @ApiProperty({ type: 'integer' }) revision: number;
}

export class AwardLedgerView {
  @ApiProperty({ format: 'date', description: 'Today in Japan, the day the figures are counted from' })
  today: string;
  @ApiProperty({ type: [AwardLedgerItemView] }) items: AwardLedgerItemView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor: string | null;
}

export class OverdueItemView extends DueView {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The plan’s project title (事業名)' })
  projectTitle: string | null;
  @ApiProperty({ example: '032077' }) municipalityCode: string;
  @ApiProperty({ example: '久慈市', nullable: true, type: String }) municipalityName: string | null;
  @ApiProperty({ example: 2025 }) fiscalYear: number;
  @ApiProperty({ enum: ['adopted', ...AWARD_STATUSES] }) status: string;
}

export class OverdueView {
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ type: 'integer', description: 'Overdue in scope, all pages' }) total: number;
  @ApiProperty({ type: [OverdueItemView], description: 'Longest past due first' }) items: OverdueItemView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
