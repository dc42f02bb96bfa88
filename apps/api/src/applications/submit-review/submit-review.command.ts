import type { WriteRequest } from '../../write/write-request';
import type { SubmitReviewDto } from './submit-review.dto';

export class SubmitReviewCommand {
  constructor(
    readonly applicationId: string,
    readonly request: WriteRequest,
    readonly body: SubmitReviewDto,
  ) {}
}
