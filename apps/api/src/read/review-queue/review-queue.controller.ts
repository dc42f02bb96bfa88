import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ReviewQueueView } from '../../views/review-queue.view';
import { parseRoundId } from '@l10k/rules';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { invalidRequest } from '../../problem-details';
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
  @ApiQuery({ name: 'round', required: false, example: '2025-06' })
  @ApiOkResponse({ type: ReviewQueueView })
  queue(@CurrentActor() principal: Principal, @Query('round') round?: string): Promise<ReviewQueueView> {
    if (round !== undefined && !parseRoundId(round))
      throw invalidRequest('round', 'round_id', 'round must be written YYYY-MM');
    return this.queries.execute(new ReviewQueueQuery(principal, round));
  }
}
