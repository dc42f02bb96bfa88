import { api } from '../../api/client';

/**
 * One page of an application's documents (GET …/documents, which folds the application's own
 * stream: an upload shows the moment its receipt is given), the first when no cursor is given.
 */
export function readDocuments(
  applicationId: string,
  page: { readonly limit: number; readonly cursor?: string },
) {
  return api.GET('/v1/applications/{id}/documents', {
    params: {
      path: { id: applicationId },
      query: { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) },
    },
  });
}

export type DocumentsRead = ReturnType<typeof readDocuments>;
