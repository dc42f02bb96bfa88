import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProblemResponse } from '../problem-details/problem.response';
import { MeView, meView } from '../views/me.view';
import { CurrentActor } from './current-actor.decorator';
import type { Principal } from './principal';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('v1/auth/me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'Who the token says the caller is: sub, name, roles, municipalityCode' })
  @ApiOkResponse({ type: MeView })
  @ApiUnauthorizedResponse({ type: ProblemResponse })
  me(@CurrentActor() principal: Principal): MeView {
    return meView(principal);
  }
}
