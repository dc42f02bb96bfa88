import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfig, InjectConfig } from '@l10k/config';
import { Public } from '../auth/public.decorator';
import { WebConfigResponse } from './dto/web-config.response';

@ApiTags('web')
@Public()
@Controller('v1/web-config')
export class WebConfigController {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  @Get()
  @ApiOperation({ summary: 'How the web front end signs people in (dev chooser or OIDC with PKCE)' })
  @ApiOkResponse({ type: WebConfigResponse })
  get(): WebConfigResponse {
    const { authMode, oidcIssuer, oidcAudience } = this.config;
    return {
      authMode,
      oidc:
        authMode === 'oidc' && oidcIssuer && oidcAudience
          ? { issuer: oidcIssuer, clientId: oidcAudience }
          : null,
    };
  }
}
