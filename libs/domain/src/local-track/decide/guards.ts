import type { CommandMetadata, Role } from '../../actor';
import { invalidState, locate } from '../../application/decide/guards';
import type { ApplicationState, ApplicationStatus, ExistingApplication } from '../../application/state';
import type { Checked } from '../../decision';
import { domainError, type DomainError } from '../../errors';
import { trackOf } from '../../plan/application-plan';
import { wrongTrack } from '../track';

/**
 * The local-track application a command acts on: the actor may act on it (a refusal of
 * access first, as everywhere), it is on the local track, and in one of the statuses given.
 */
export const locateLocal = <Status extends ApplicationStatus>(
  state: ApplicationState,
  metadata: CommandMetadata,
  role: Role,
  ...statuses: Status[]
): Checked<ExistingApplication & { readonly status: Status }> => {
  const located = locate(state, metadata, role);
  if (!located.ok) return located;
  const application = located.value;
  if (trackOf(application.plan) !== 'local') return { ok: false, error: wrongTrack(application, 'local') };
  if (!(statuses as readonly ApplicationStatus[]).includes(application.status))
    return { ok: false, error: invalidState(application, ...statuses) };
  return { ok: true, value: application as ExistingApplication & { readonly status: Status } };
};

/** A document id must name a document attached to this very application. */
export const attachedDocument = (
  application: ExistingApplication,
  field: string,
  documentId: string,
): DomainError | undefined => {
  if ((application.documents ?? []).some((document) => document.documentId === documentId)) return undefined;
  const message = `${field} ${documentId} is not a document attached to this application (attach it first: POST /v1/applications/{id}/documents)`;
  return domainError('invalid_command', message, [{ rule: 'document_attached', field, message }]);
};
