import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig, ConfigError } from '@l10k/config';
import { AuthenticationGuard } from './authentication.guard';
import { CachingTokenVerifier } from './caching-token-verifier';
import { DevTokenKey } from './dev-token-key';
import { DevTokenVerifier } from './dev-token-verifier';
import { DevTokensController } from './dev-tokens.controller';
import { MeController } from './me.controller';
import { OidcTokenVerifier } from './oidc-token-verifier';
import { RolesGuard } from './roles.guard';
import { TokenVerifier } from './token-verifier';

/**
 * Every route needs a bearer token unless marked @Public(): AuthenticationGuard is global
 * (APP_GUARD) and puts the principal on the request; @Roles() adds RolesGuard to a route,
 * which Nest runs after the global guard. AUTH_MODE picks the TokenVerifier (each token checked
 * once per process, see CachingTokenVerifier); the dev-token route exists only in dev mode.
 */
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    const modeProviders: Provider[] =
      config.authMode === 'dev'
        ? [
            DevTokenKey,
            {
              provide: TokenVerifier,
              useFactory: (key: DevTokenKey) =>
                new CachingTokenVerifier(new DevTokenVerifier(() => key.get())),
              inject: [DevTokenKey],
            },
          ]
        : [
            {
              provide: TokenVerifier,
              useValue: new CachingTokenVerifier(new OidcTokenVerifier(oidcSettings(config))),
            },
          ];
    return {
      module: AuthModule,
      controllers: config.authMode === 'dev' ? [MeController, DevTokensController] : [MeController],
      providers: [...modeProviders, RolesGuard, { provide: APP_GUARD, useClass: AuthenticationGuard }],
      exports: [TokenVerifier, RolesGuard],
    };
  }
}

function oidcSettings(config: AppConfig): { issuer: string; audience: string } {
  if (!config.oidcIssuer || !config.oidcAudience)
    throw new ConfigError(['OIDC_ISSUER and OIDC_AUDIENCE are required when AUTH_MODE=oidc']);
  return { issuer: config.oidcIssuer, audience: config.oidcAudience };
}
