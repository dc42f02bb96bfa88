import { ApiProperty } from '@nestjs/swagger';
import { LOCAL_CONFIRMATION_KINDS, MIC_ANSWERS } from '@l10k/domain';
import { LocalAssessmentsDto } from '../local-track/dto/local-assessments.dto';

/** 有識者の審査 or 商工会議所等の確認, as the municipality recorded it. */
export class LocalConfirmationView {
  @ApiProperty({ enum: LOCAL_CONFIRMATION_KINDS }) kind: string;
  @ApiProperty({ example: '遠野市地域経済循環審査会', description: 'Who reviewed or confirmed' }) by: string;
  @ApiProperty({ format: 'date', example: '2025-06-03' }) on: string;
  @ApiProperty({ type: LocalAssessmentsDto, description: 'A verdict on each of the four requirements' })
  assessments: LocalAssessmentsDto;
  @ApiProperty({ format: 'uuid', description: 'The attached document that records it' }) documentId: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty() recordedBy: string;
}

/** The current report to MIC; its round, rule set and figures are the application's submission fields. */
export class MicReportView {
  @ApiProperty({ format: 'uuid', description: 'The attached 補助要綱' }) schemeRulesDocumentId: string;
  @ApiProperty({ type: 'integer', example: 1, description: '1, then 2 after a return, …' })
  reportNumber: number;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty() reportedBy: string;
}

/** The programme officer's answer to the current report. */
export class AcknowledgementView {
  @ApiProperty({ enum: MIC_ANSWERS }) outcome: string;
  @ApiProperty({ description: 'For a return, what is missing' }) reason: string;
  @ApiProperty({ format: 'date-time' }) answeredAt: string;
  @ApiProperty() answeredBy: string;
}

export class EarlierReturnView {
  @ApiProperty({ type: 'integer', example: 1, description: 'The report that was returned' })
  reportNumber: number;
  @ApiProperty({ description: 'What was missing, as the programme officer wrote it' }) reason: string;
  @ApiProperty({ format: 'date-time' }) returnedAt: string;
  @ApiProperty() returnedBy: string;
}
