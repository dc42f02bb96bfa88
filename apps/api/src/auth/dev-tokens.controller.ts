import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfig, InjectConfig } from '@l10k/config';
import { ProblemResponse } from '../problem-details/problem.response';
import { DevTokenKey } from './dev-token-key';
import { IssuedToken, issueDevToken } from './dev-tokens';
import { DevTokenRequest } from './dto/dev-token.request';
import { DevTokenResponse } from './dto/dev-token.response';
import { Public } from './public.decorator';

/** AUTH_MODE=dev only: AuthModule does not register this controller in oidc mode, so the route is a 404 there. */
@ApiTags('auth')
@Public()
@Controller('v1/auth/dev-tokens')
export class DevTokensController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly key: DevTokenKey,
  ) {}

  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store') // the answer is a credential
  @ApiOperation({ summary: 'Issue a dev token (AUTH_MODE=dev only; 404 in oidc mode)' })
  @ApiOkResponse({ type: DevTokenResponse })
  @ApiBadRequestResponse({ type: ProblemResponse })
  async issue(@Body() request: DevTokenRequest): Promise<IssuedToken> {
    const principal = {
      sub: request.sub,
      name: request.name,
      roles: request.roles,
      ...(request.roles.includes('municipality') ? { municipalityCode: request.municipalityCode } : {}),
    };
    return issueDevToken(await this.key.get(), principal, this.config.devTokenTtlSeconds);
  }
}
