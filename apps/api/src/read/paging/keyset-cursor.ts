import { invalidRequest } from '../../problem-details';

/** Where a page ended: the last row's sort key (an instant, a date) and its id, the tie-breaker. */
export interface KeysetCursor {
  readonly key: string;
  readonly id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const encodeCursor = (cursor: KeysetCursor): string =>
  Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');

const isUuid = (id: string): boolean => UUID.test(id);

/**
 * The cursor a client sent back, or a 400 naming `cursor`; `isKey` says what a valid sort key
 * looks like, `isId` what a valid tie-breaker does (a uuid unless the rows have other ids).
 */
export function decodeCursor(
  text: string,
  isKey: (key: string) => boolean,
  isId: (id: string) => boolean = isUuid,
): KeysetCursor {
  try {
    const [key, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && isKey(key) && typeof id === 'string' && isId(id)) return { key, id };
  } catch {
    // fall through to the refusal
  }
  throw invalidRequest('cursor', 'cursor', 'cursor must be a nextCursor from an earlier page');
}

/** Whether `text` is exactly the ISO form of an instant that exists, from year 1000 on (PostgreSQL has no year 0). */
const writesBackAs = (text: string, instant: string, length: number): boolean => {
  if (!/^[1-9]/.test(text)) return false;
  const parsed = new Date(instant);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, length) === text;
};

/** An instant as the API writes one (toISOString's form): other texts Date.parse takes, PostgreSQL may refuse. */
export const isInstant = (key: string): boolean => writesBackAs(key, key, 24);
/** A day that exists ('2026-02-30' does not): PostgreSQL refuses the others. */
export const isCalendarDay = (key: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(key) && writesBackAs(key, `${key}T00:00:00Z`, 10);
export const isRevision = (key: string): boolean => /^\d{1,15}$/.test(key);
