import type { CommandMetadata, Role } from '../../actor';
import { locate, invalidState } from '../../application/decide/guards';
import type { AdoptedApplication, ApplicationState, ApplicationStatus } from '../../application/state';
import { isAdopted } from '../../application/status-groups';
import type { Checked } from '../../decision';
import { domainError, type Violation } from '../../errors';
import { isYen } from '../../money';
import type { DocumentRef } from '../documents';

/** The adopted application a post-award command acts on, if the actor may, in one of the statuses given. */
export const locateAward = (
  state: ApplicationState,
  metadata: CommandMetadata,
  role: Role,
  ...statuses: ApplicationStatus[]
): Checked<AdoptedApplication> => {
  const located = locate(state, metadata, role);
  if (!located.ok) return located;
  const application = located.value;
  if (!isAdopted(application) || !statuses.includes(application.status))
    return { ok: false, error: invalidState(application, ...statuses) };
  return { ok: true, value: application };
};

const SHA256 = /^[0-9a-f]{64}$/;

/** Document references name a file, its size and its SHA-256, as an upload receipt gives them. */
export const documentViolations = (documents: readonly DocumentRef[]): Violation[] =>
  documents.flatMap((document, index) => {
    const field = `documents[${index}]`;
    const broken =
      typeof document.name !== 'string' || document.name.trim() === ''
        ? 'a name'
        : !SHA256.test(document.sha256)
          ? 'a SHA-256 of 64 lower-case hex digits'
          : !isYen(document.size)
            ? 'a size in whole bytes'
            : undefined;
    return broken === undefined
      ? []
      : [{ rule: 'document_reference_valid' as const, field, message: `${field} needs ${broken}` }];
  });

export const refusedDocuments = (violations: readonly Violation[]) =>
  domainError('invalid_command', 'a document reference is malformed', violations);

/** A positive whole-yen amount, or the refusal naming the field. */
export const positiveYen = (field: string, value: number) =>
  isYen(value) && value > 0
    ? undefined
    : domainError('invalid_command', `${field} must be whole yen above 0`);
