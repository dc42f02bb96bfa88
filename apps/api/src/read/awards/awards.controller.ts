import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { AwardLedgerView, OverdueView } from '../../views/award-ledger.view';
import { AwardLedgerQuery } from './award-ledger.query';
import { AwardsQueryDto } from './awards.dto';
import { OverdueAwardsQuery } from './overdue-awards.query';

/** The award ledger and what is overdue on it (API.md, "Read side"); a municipality sees its own. */
@ApiTags('after adoption')
@Controller('v1/awards')
export class AwardsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('program_officer', 'auditor', 'municipality')
  @ApiOperation({
    summary:
      'The award ledger: per adopted application approved → decided → confirmed → paid, with what is due next',
  })
  @ApiOkResponse({ type: AwardLedgerView })
  list(@Query() filters: AwardsQueryDto, @CurrentActor() principal: Principal): Promise<AwardLedgerView> {
    return this.queries.execute(new AwardLedgerQuery(principal, filters));
  }

  @Get('overdue')
  @Roles('program_officer', 'auditor', 'municipality')
  @ApiOperation({
    summary:
      'What is overdue: grant applications not made and performance reports not filed, longest past due first',
  })
  @ApiOkResponse({ type: OverdueView })
  overdue(@Query() filters: AwardsQueryDto, @CurrentActor() principal: Principal): Promise<OverdueView> {
    return this.queries.execute(new OverdueAwardsQuery(principal, filters));
  }
}
