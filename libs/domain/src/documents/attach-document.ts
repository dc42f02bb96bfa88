import type { CommandMetadata } from '../actor';
import { locate, requireText } from '../application/decide/guards';
import type { ApplicationState, ExistingApplication } from '../application/state';
import { accept, refuse, type Checked, type Decision } from '../decision';
import { domainError, type DomainError } from '../errors';
import type { AttachDocument } from './commands';
import { isDocumentKind, MAX_DOCUMENT_NAME_LENGTH } from './document-kinds';
import type { DocumentAttached } from './events';

/** Closed applications: nothing more is filed for them. */
const CLOSED = ['withdrawn', 'rejected'] as const;

/**
 * Who may attach a document, and when. Only the owning municipality files documents
 * (reviewers and officers judge what was filed; another municipality's application
 * answers as a missing one). It may file in every status except withdrawn and rejected,
 * because the programme asks for papers all along the way: the business plan and the
 * lender's letter while drafting, and again when a revision is requested; the experts'
 * review or the chamber's confirmation and the 補助要綱 on the local track; the 交付申請書,
 * 実績報告書 and their evidence after adoption, up to payment and even after an
 * abandonment, since an auditor may still ask for them. A kind is not tied to a status:
 * the forms do not fix when a paper may come, and a refusal would only cost a re-send.
 * The API calls this before it reads an upload's body, and the decider again after.
 */
export const mayAttachDocument = (
  state: ApplicationState,
  metadata: CommandMetadata,
): Checked<ExistingApplication> => {
  const located = locate(state, metadata, 'municipality');
  if (!located.ok) return located;
  const application = located.value;
  if ((CLOSED as readonly string[]).includes(application.status)) {
    const open = `any status but ${CLOSED.join(' or ')}`;
    return {
      ok: false,
      error: domainError(
        'invalid_state',
        `no document is attached to a ${application.status} application (only in ${open})`,
      ),
    };
  }
  return located;
};

const SHA256_HEX = /^[0-9a-f]{64}$/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_FOLDER = /[\u0000-\u001f\u007f/\\]/;

const invalidDocument = (command: AttachDocument): DomainError | undefined => {
  const { kind, name, size, sha256, contentType } = command.data;
  if (!isDocumentKind(kind))
    return domainError('invalid_command', `kind ${String(kind)} is not a document kind`);
  const noName = requireText('name', name) ?? requireText('contentType', contentType);
  if (noName) return noName;
  if (name.length > MAX_DOCUMENT_NAME_LENGTH || CONTROL_OR_FOLDER.test(name))
    return domainError(
      'invalid_command',
      `name must be a file name of at most ${MAX_DOCUMENT_NAME_LENGTH} characters, without folders or control characters`,
    );
  if (!Number.isSafeInteger(size) || size <= 0)
    return domainError('invalid_command', 'size must be a positive whole number of bytes');
  if (!SHA256_HEX.test(sha256))
    return domainError('invalid_command', 'sha256 must be 64 lower-case hex digits');
  return undefined;
};

/** Records a document the store already holds durably (DESIGN.md, "Attachments"). */
export const attachDocument = (
  command: AttachDocument,
  state: ApplicationState,
): Decision<DocumentAttached> => {
  const { data, metadata } = command;
  const allowed = mayAttachDocument(state, metadata);
  if (!allowed.ok) return refuse(allowed.error);
  const application = allowed.value;
  const invalid = invalidDocument(command);
  if (invalid) return refuse(invalid);
  if (application.documents.some((document) => document.documentId === data.documentId))
    return refuse(domainError('already_exists', `document ${data.documentId} is already attached`));
  return accept({
    type: 'DocumentAttached',
    data: {
      applicationId: application.id,
      documentId: data.documentId,
      kind: data.kind,
      name: data.name,
      size: data.size,
      sha256: data.sha256,
      contentType: data.contentType,
      receivedAt: metadata.at,
      receivedBy: metadata.actor.sub,
    },
  });
};
