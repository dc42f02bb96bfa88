import type { Actor, Role } from '@l10k/domain';

/** Who is calling, as a verified token describes them; the guard puts it on the request. */
export interface Principal {
  readonly sub: string;
  readonly name: string;
  /** Never empty; a subset of the domain's ROLES. */
  readonly roles: readonly Role[];
  /** Present exactly when `roles` includes `municipality`: the officer's local government code. */
  readonly municipalityCode?: string;
}

/**
 * The domain's actor for a principal acting in one of its roles; a command carries a single
 * role, so a handler names the one the route allows.
 */
export function actorFor(principal: Principal, role: Role): Actor {
  if (!principal.roles.includes(role)) {
    throw new Error(
      `${principal.sub} does not hold the role ${role}; guard the route with @Roles('${role}')`,
    );
  }
  // The code goes with every role: the domain refuses someone of the applicant municipality
  // who would judge its application in another role (separation of duties).
  return principal.municipalityCode === undefined
    ? { sub: principal.sub, role }
    : { sub: principal.sub, role, municipalityCode: principal.municipalityCode };
}
