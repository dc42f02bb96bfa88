import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { ApplicationStateView } from '../views/application-state.view';
import { ApplicationIdPipe } from '../params/uuid.pipe';
import { Roles } from '../auth/roles.decorator';
import { invalidRequest } from '../problem-details';
import { ProblemResponse } from '../problem-details/problem.response';
import { parseInstant } from '../rounds/instant';
import { ApplicationStateQuery } from './application-state.query';

@ApiTags('audit')
@Controller('v1/applications')
export class ApplicationStateController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/state')
  @Roles('program_officer', 'auditor')
  @ApiOperation({
    summary: 'The application as it was at an instant (`asOf`) or a revision, folded from its events',
  })
  @ApiQuery({ name: 'asOf', required: false, example: '2025-06-10T23:59:59+09:00' })
  @ApiQuery({ name: 'revision', required: false, example: 3 })
  @ApiNotFoundResponse({ type: ProblemResponse })
  @ApiOkResponse({ type: ApplicationStateView })
  state(
    @Param('id', ApplicationIdPipe) id: string,
    @CurrentActor() principal: Principal,
    @Query('asOf') asOf?: string,
    @Query('revision') revision?: string,
  ): Promise<ApplicationStateView> {
    if (asOf !== undefined && revision !== undefined)
      throw invalidRequest('asOf', 'one_of', 'give asOf or revision, not both');
    const instant = asOf === undefined ? undefined : parseInstant(asOf);
    if (asOf !== undefined && !instant)
      throw invalidRequest('asOf', 'iso_instant', 'asOf must be an ISO-8601 instant with an offset');
    if (revision !== undefined && !/^\d{1,15}$/.test(revision))
      throw invalidRequest('revision', 'non_negative_integer', 'revision must be 0 or more');
    return this.queries.execute(
      new ApplicationStateQuery(
        id,
        principal,
        instant,
        revision === undefined ? undefined : Number(revision),
      ),
    );
  }
}
