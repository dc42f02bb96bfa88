import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@l10k/domain';
import { roleNotAllowed } from './auth-problems';
import type { AuthenticatedRequest } from './authenticated-request';

export const ALLOWED_ROLES = 'l10k:roles';

/**
 * Refuses (403) a principal holding none of the route's @Roles(). It runs after the global
 * AuthenticationGuard, so a principal is always there. Ownership — another municipality's
 * application, an unassigned reviewer — is not decided here: the domain decider answers
 * that, as a 404 that does not reveal the application exists.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ALLOWED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!allowed) return true;
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new Error('RolesGuard ran before AuthenticationGuard, or on a @Public() route');
    if (principal.roles.some((role) => allowed.includes(role))) return true;
    throw roleNotAllowed(principal, allowed);
  }
}
