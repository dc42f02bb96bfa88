import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReviewQueueView } from '../../views/review-queue.view';
import { parseRoundId } from '@l10k/rules';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { invalidRequest } from '../../problem-details';
import { ReviewQueueQueryDto } from './review-queue.dto';
import { ReviewQueueQuery } from './review-queue.query';

@ApiTags('review')
@Controller('v1/review-queue')
export class ReviewQueueController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('program_officer', 'reviewer')
  @ApiOperation({
    summary: 'Open applications by decision due date, with days remaining and overdue flags (Japan time)',
  })
  @ApiOkResponse({
    type: ReviewQueueView,
    description: 'A page (default 50, at most 200) with the total and overdue counts',
  })
  queue(
    @CurrentActor() principal: Principal,
    @Query() filters: ReviewQueueQueryDto,
  ): Promise<ReviewQueueView> {
    if (filters.round !== undefined && !parseRoundId(filters.round))
      throw invalidRequest('round', 'round_id', 'round must be written YYYY-MM');
    return this.queries.execute(new ReviewQueueQuery(principal, filters));
  }
}
