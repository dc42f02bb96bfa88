import { api } from '../../api/client';

/**
 * The bytes come with the bearer token (a plain link would carry none), then are handed to the
 * browser as a download under the document's own name.
 */
export async function downloadDocument(
  applicationId: string,
  documentId: string,
  name: string,
): Promise<boolean> {
  const { data, response } = await api.GET('/v1/applications/{id}/documents/{documentId}', {
    params: { path: { id: applicationId, documentId } },
    parseAs: 'blob',
  });
  if (!response.ok || !(data instanceof Blob)) return false;
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
