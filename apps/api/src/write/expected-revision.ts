import type { ExpectedRevision } from '@l10k/eventstore';
import { staleRevision } from './stale-revision';
import { revisionNumber } from './loaded-stream';
import type { WriteRequest } from './write-request';

/** If-Match names the revision the client saw; anything else means it decided on other information. */
export function checkExpectedRevision(current: ExpectedRevision, request: WriteRequest, what: string): void {
  if (request.expectedRevision === undefined) return;
  const revision = revisionNumber(current);
  if (revision !== request.expectedRevision) {
    const message = `The ${what} is at revision ${revision}, not ${request.expectedRevision}. Read it again and retry.`;
    throw staleRevision(message);
  }
}
