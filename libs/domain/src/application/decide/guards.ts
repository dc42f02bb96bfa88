import type { CommandMetadata, Role } from '../../actor';
import { requireRole } from '../../authorization';
import type { Checked } from '../../decision';
import { domainError, type DomainError } from '../../errors';
import type { ApplicationState, ApplicationStatus, ExistingApplication } from '../state';

/**
 * The application a command acts on, if the actor may act on it: it exists, the role
 * may send this command, and a municipality only reaches its own — another's answers
 * exactly like a missing one, so its existence does not leak (API.md: 404, not 403).
 */
export const locate = (
  state: ApplicationState,
  metadata: CommandMetadata,
  ...roles: Role[]
): Checked<ExistingApplication> => {
  const { actor } = metadata;
  if (state.status === 'none') return { ok: false, error: domainError('not_found', 'no such application') };
  const forbidden = requireRole(actor, ...roles);
  if (forbidden) return { ok: false, error: forbidden };
  if (actor.role === 'municipality' && actor.municipalityCode !== state.municipalityCode) {
    return { ok: false, error: domainError('not_found', 'no such application') };
  }
  // Separation of duties: whoever belongs to the applicant municipality never assigns,
  // reviews, decides or confirms its application, whatever other role they hold.
  if (actor.role !== 'municipality' && actor.municipalityCode === state.municipalityCode) {
    return {
      ok: false,
      error: domainError(
        'separation_of_duties',
        `${actor.sub} belongs to ${state.municipalityCode}, the applicant, and may not act on its application as ${actor.role}`,
      ),
    };
  }
  return { ok: true, value: state };
};

export const invalidState = (state: ExistingApplication, ...allowed: ApplicationStatus[]): DomainError =>
  domainError(
    'invalid_state',
    `not allowed while the application is ${state.status} (only when ${allowed.join(' or ')})`,
  );

export const requireText = (field: string, value: string | undefined): DomainError | undefined =>
  value !== undefined && value.trim() !== ''
    ? undefined
    : domainError('invalid_command', `${field} must not be empty`);
