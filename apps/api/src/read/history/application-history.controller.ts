import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApplicationHistoryView } from '../../views/history.view';
import { ApplicationIdPipe } from '../../params/uuid.pipe';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { ProblemResponse } from '../../problem-details/problem.response';
import { PageQueryDto } from '../paging/page-query.dto';
import { ApplicationHistoryQuery } from './application-history.query';

@ApiTags('audit')
@Controller('v1/applications')
export class ApplicationHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  @Roles('municipality', 'program_officer', 'auditor')
  @ApiOperation({
    summary:
      'Every event of the application, a page at a time: position, revision, type, instant, actor, data, hash',
  })
  @ApiBadRequestResponse({
    type: ProblemResponse,
    description: 'a cursor that is not this history’s, a bad limit',
  })
  @ApiNotFoundResponse({ type: ProblemResponse })
  @ApiOkResponse({ type: ApplicationHistoryView })
  history(
    @Param('id', ApplicationIdPipe) id: string,
    @CurrentActor() principal: Principal,
    @Query() page: PageQueryDto,
  ): Promise<ApplicationHistoryView> {
    return this.queries.execute(new ApplicationHistoryQuery(id, principal, page));
  }
}
