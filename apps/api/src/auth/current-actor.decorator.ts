import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { AuthenticatedRequest } from './authenticated-request';
import type { Principal } from './principal';

/** The verified principal of the request: `handle(@CurrentActor() principal: Principal)`. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('@CurrentActor() needs an authenticated route; this one is @Public()');
  return principal;
});
