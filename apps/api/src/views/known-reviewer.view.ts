import { ApiProperty } from '@nestjs/swagger';

/** A reviewer some application names in its current review cycle, with how much is on their desk now. */
export class KnownReviewerView {
  @ApiProperty({ example: 'reviewer-sato' }) reviewerId: string;
  @ApiProperty({ type: 'integer', description: 'Applications under review with this reviewer assigned' })
  underReview: number;
  @ApiProperty({
    type: 'integer',
    description:
      'Applications naming this reviewer among the reviewers of their current review cycle, in any status',
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
