import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicationListView } from '../../views/application-list.view';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { ListApplicationsQueryDto } from './list-applications.dto';
import { ListApplicationsQuery } from './list-applications.query';

@ApiTags('applications')
@Controller('v1/applications')
export class ListApplicationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('municipality', 'reviewer', 'program_officer', 'auditor')
  @ApiOperation({
    summary:
      'Applications, newest first, a page at a time: a municipality sees its own, a reviewer those assigned',
  })
  @ApiOkResponse({ type: ApplicationListView })
  list(
    @Query() filters: ListApplicationsQueryDto,
    @CurrentActor() principal: Principal,
  ): Promise<ApplicationListView> {
    return this.queries.execute(new ListApplicationsQuery(filters, principal));
  }
}
