import type { Principal } from '../../auth/principal';
import type { ReviewQueueQueryDto } from './review-queue.dto';

export class ReviewQueueQuery {
  constructor(
    readonly principal: Principal,
    readonly filters: ReviewQueueQueryDto,
  ) {}
}
