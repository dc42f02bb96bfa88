import { invalidRequest } from '../../problem-details';

/** Where a page ended: the last row's creation instant and id (the list's order key). */
export interface PageCursor {
  readonly createdAt: string;
  readonly id: string;
}

export const encodeCursor = (cursor: PageCursor): string =>
  Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');

export function decodeCursor(text: string): PageCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof createdAt === 'string' &&
      !Number.isNaN(Date.parse(createdAt)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    ) {
      return { createdAt, id };
    }
  } catch {
    // fall through to the refusal
  }
  throw invalidRequest('cursor', 'cursor', 'cursor must be a nextCursor from an earlier page');
}
