import { SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@l10k/domain';
import { ProblemResponse } from '../problem-details/problem.response';
import { ALLOWED_ROLES, RolesGuard } from './roles.guard';

/**
 * Only principals holding at least one of these roles may call the route (else 403).
 * Route-level guards run after global ones, so the token is always checked first.
 */
export function Roles(...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    UseGuards(RolesGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      type: ProblemResponse,
      description: 'no, malformed, expired or badly signed token',
    }),
    ApiForbiddenResponse({ type: ProblemResponse, description: `allowed roles: ${roles.join(', ')}` }),
  );
}
