import type { Role } from '@l10k/domain';
import { ProblemException, problem } from '../problem-details';
import type { Principal } from './principal';
import type { IdentityProviderUnavailable, TokenRejected } from './token-errors';

export function unauthenticated(rejection: TokenRejected): ProblemException {
  return new ProblemException(
    problem(
      401,
      `The request is not authenticated: ${rejection.message}.`,
      [{ field: 'authorization', rule: rejection.rule, message: rejection.message }],
      'unauthenticated',
    ),
  );
}

export function roleNotAllowed(principal: Principal, allowed: readonly Role[]): ProblemException {
  const message = `allowed roles: ${allowed.join(', ')}; the token has ${principal.roles.join(', ')}`;
  return new ProblemException(
    problem(
      403,
      `This action needs one of the roles ${allowed.join(', ')}.`,
      [{ field: 'roles', rule: 'role', message }],
      'forbidden',
    ),
  );
}

export function identityProviderUnavailable(failure: IdentityProviderUnavailable): ProblemException {
  return new ProblemException(
    problem(
      503,
      'The token cannot be checked now: the identity provider does not answer.',
      [{ field: 'authorization', rule: 'issuer_reachable', message: failure.message }],
      'identity-provider-unavailable',
    ),
  );
}
