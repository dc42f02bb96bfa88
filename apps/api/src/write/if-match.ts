import { invalidRequest } from '../problem-details';

/** `If-Match: 3`, `"3"` or `W/"3"` → 3. Anything else is a 400 naming the header. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(header.trim());
  if (!match) {
    const message = 'If-Match must be the revision from an earlier answer’s ETag, e.g. "3"';
    throw invalidRequest('If-Match', 'revision', message);
  }
  return Number(match[1]);
}

export const etagOf = (revision: number): string => `"${revision}"`;
