import { ApiProperty } from '@nestjs/swagger';

/** A reviewer the programme has assigned before, with how much is on their desk now. */
export class KnownReviewerView {
  @ApiProperty({ example: 'reviewer-sato' }) reviewerId: string;
  @ApiProperty({ type: 'integer', description: 'Applications under review with this reviewer assigned' })
  underReview: number;
  @ApiProperty({
    type: 'integer',
    description: 'Applications with this reviewer among their assigned reviewers, in any status',
  })
  assigned: number;
}

export class KnownReviewersView {
  @ApiProperty({ type: [KnownReviewerView], description: 'By reviewer id' })
  items: KnownReviewerView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor: string | null;
}
