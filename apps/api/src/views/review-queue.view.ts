import { ApiProperty } from '@nestjs/swagger';
import { OWN_STEPS, OWN_STEPS_WORDED, type OwnStep } from './own-step';

export class ReviewQueueItemView {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ enum: ['submitted', 'under_review'] }) status: string;
  @ApiProperty({
    type: 'integer',
    description: 'The revision of the application this line reflects (as its ETag names it)',
  })
  revision: number;
  @ApiProperty({ example: '地元産ホップのクラフトビール醸造所', type: String, nullable: true })
  projectTitle: string | null;
  @ApiProperty({ example: '2025-06' }) round: string;
  @ApiProperty({ example: 2025 }) fiscalYear: number;
  @ApiProperty({ example: '032077' }) municipalityCode: string;
  @ApiProperty({ example: '久慈市', type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty({ format: 'date', example: '2025-07-22' }) decisionDueDate: string;
  @ApiProperty({
    type: 'integer',
    description: 'Days from today in Japan to the due date; negative when past',
  })
  daysRemaining: number;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: 'integer' }) reviewsDone: number;
  @ApiProperty({ type: 'integer', nullable: true }) reviewsNeeded: number | null;
  @ApiProperty({ type: [String], description: 'The current cycle’s assigned reviewers' })
  reviewerIds: string[];
  @ApiProperty({
    enum: OWN_STEPS,
    nullable: true,
    description:
      'In a reviewer’s own queue, where they stand on the application in the current cycle: ' +
      OWN_STEPS_WORDED +
      'Null in a programme officer’s queue',
  })
  ownStep: OwnStep | null;
}

export class ReviewQueueRoundCountView {
  @ApiProperty({ example: '2025-06' }) round: string;
  @ApiProperty({ type: 'integer', description: 'Submitted, waiting for reviewers' }) submitted: number;
  @ApiProperty({ type: 'integer', description: 'Under review' }) underReview: number;
  @ApiProperty({ type: 'integer', description: 'Of them, past their decision due date' }) overdue: number;
}

export class ReviewQueueView {
  @ApiProperty({ format: 'date', description: 'Today in Japan, the day the figures are counted from' })
  today: string;
  @ApiProperty({ type: 'integer', description: 'Open applications in scope, all pages' }) total: number;
  @ApiProperty({ type: 'integer', description: 'Of them, past their decision due date' }) overdue: number;
  @ApiProperty({
    type: [ReviewQueueRoundCountView],
    description: 'The same counts by round (in scope, all pages), rounds in order',
  })
  rounds: ReviewQueueRoundCountView[];
  @ApiProperty({ type: [ReviewQueueItemView] }) items: ReviewQueueItemView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor: string | null;
}
