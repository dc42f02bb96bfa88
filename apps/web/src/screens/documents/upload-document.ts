import { asProblem, NO_ANSWER, type Problem } from '../../api/problems';
import { answerSettlesWrite, randomKey, sessionPendingKeys } from '../../api/write-keys';
import type { components } from '../../api/schema';
import { sessions } from '../../auth/session';
import type { DocumentKind } from './document-kinds';

export type DocumentReceipt = components['schemas']['DocumentReceiptView'];

export type UploadOutcome = { readonly receipt: DocumentReceipt } | { readonly problem: Problem };

export interface Upload {
  readonly done: Promise<UploadOutcome>;
  cancel(): void;
}

/** What one upload is, for its key: the same file, of the same kind, to the same application. */
const uploadSignature = (applicationId: string, file: File, kind: DocumentKind): string =>
  ['upload', applicationId, kind, file.name, file.size, file.lastModified].join('\u0000');

/**
 * POST /v1/applications/{id}/documents as multipart/form-data (the parts `kind` and `file`).
 * XMLHttpRequest rather than the generated fetch client: fetch reports no upload progress.
 * The route, body and receipt are typed from the same OpenAPI schema.
 */
export function uploadDocument(
  applicationId: string,
  file: File,
  kind: DocumentKind,
  onProgress: (sent: number, total: number) => void,
): Upload {
  const request = new XMLHttpRequest();
  const done = new Promise<UploadOutcome>((resolve) => {
    request.open('POST', `/v1/applications/${encodeURIComponent(applicationId)}/documents`);
    const token = sessions.current()?.token;
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    // The same file sent again after no answer (or a 5xx) carries the same key, so an upload
    // that did arrive is answered with its receipt instead of filed twice.
    const pending = sessionPendingKeys(sessionStorage);
    const signature = uploadSignature(applicationId, file, kind);
    const key = pending.keyOf(signature) ?? randomKey();
    pending.keep(signature, key);
    request.setRequestHeader('Idempotency-Key', key);
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    });
    request.addEventListener('load', () => {
      if (answerSettlesWrite(request.status)) pending.answered(key);
      if (request.status === 401 && token) sessions.lapse();
      if (request.status === 201) resolve({ receipt: request.response as DocumentReceipt });
      else resolve({ problem: asProblem(request.response, request.status) });
    });
    const failed = (title: string) => () => resolve({ problem: { status: NO_ANSWER, title, errors: [] } });
    request.addEventListener('error', failed('network'));
    request.addEventListener('abort', failed('aborted'));
    const body = new FormData();
    body.append('kind', kind);
    body.append('file', file, file.name);
    request.send(body);
  });
  return { done, cancel: () => request.abort() };
}
