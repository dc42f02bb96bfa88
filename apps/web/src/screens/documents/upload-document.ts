import { asProblem, NO_ANSWER, type Problem } from '../../api/problems';
import { randomKey } from '../../api/write-keys';
import type { components } from '../../api/schema';
import { sessions } from '../../auth/session';
import type { DocumentKind } from './document-kinds';

export type DocumentReceipt = components['schemas']['DocumentReceiptView'];

export type UploadOutcome = { readonly receipt: DocumentReceipt } | { readonly problem: Problem };

export interface Upload {
  readonly done: Promise<UploadOutcome>;
  cancel(): void;
}

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
    request.setRequestHeader('Idempotency-Key', randomKey());
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    });
    request.addEventListener('load', () => {
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
