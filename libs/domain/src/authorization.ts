import type { Actor, Role } from './actor';
import { domainError, type DomainError } from './errors';

/** The role check of DOMAIN.md's actors table; `undefined` when the actor may act. */
export const requireRole = (actor: Actor, ...roles: Role[]): DomainError | undefined =>
  roles.includes(actor.role)
    ? undefined
    : domainError('forbidden', `a ${actor.role} may not do this (needs ${roles.join(' or ')})`);
