import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApplicationIdPipe } from '../../params/uuid.pipe';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { ProblemResponse } from '../../problem-details/problem.response';
import { etagOf } from '../../write/if-match';
import { ApplicationView } from '../../views/application.view';
import { WrittenOnce } from '../written-once';
import type { SummaryAnswer } from './application-summary.handler';
import { ApplicationSummaryQuery } from './application-summary.query';

@ApiTags('applications')
@Controller('v1/applications')
export class ApplicationSummaryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('municipality', 'reviewer', 'program_officer', 'auditor')
  @ApiOperation({
    summary: 'The application summary (owner municipality, assigned reviewer, programme officer, auditor)',
  })
  @ApiOkResponse({
    type: ApplicationView,
    description: 'Reviewers as 審査員A, B, …; ids only for officers and auditors',
  })
  @ApiNotFoundResponse({ type: ProblemResponse })
  async get(
    @Param('id', ApplicationIdPipe) id: string,
    @CurrentActor() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<WrittenOnce<ApplicationView>> {
    const summary = await this.queries.execute<ApplicationSummaryQuery, SummaryAnswer>(
      new ApplicationSummaryQuery(id, principal),
    );
    response.header('ETag', etagOf(summary.revision));
    return summary.view;
  }
}
