import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApplicationIdPipe } from '../../applications/application-id.pipe';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { ProblemResponse } from '../../problem-details/problem.response';
import { etagOf } from '../../write/if-match';
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
  @ApiNotFoundResponse({ type: ProblemResponse })
  async get(
    @Param('id', ApplicationIdPipe) id: string,
    @CurrentActor() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Record<string, unknown>> {
    const summary: Record<string, unknown> = await this.queries.execute(
      new ApplicationSummaryQuery(id, principal),
    );
    response.setHeader('ETag', etagOf(summary.revision as number));
    return summary;
  }
}
