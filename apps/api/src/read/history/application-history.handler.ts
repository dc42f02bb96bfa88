import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { applicationStreamId } from '@l10k/domain';
import { EVENT_STORE, readStreamIfAny, type EventStore, type RecordedEvent } from '@l10k/eventstore';
import { invalidRequest } from '../../problem-details';
import {
  historyView,
  type ApplicationHistoryView,
  type EarlierReviewer,
  type HistoryEntry,
} from '../../views/history.view';
import { seesReviewerIds } from '../../views/viewer';
import { decodeCursor, encodeCursor, isRevision } from '../paging/keyset-cursor';
import { DEFAULT_PAGE_SIZE } from '../paging/page-query.dto';
import { applicationNotFound, canSee } from '../visibility';
import { ApplicationHistoryQuery } from './application-history.query';

/** An event of the stream as a history entry: what the store recorded, as it reads it (upcast). */
const entryOf = (recorded: RecordedEvent): HistoryEntry => ({
  globalPosition: Number(recorded.globalPosition),
  revision: Number(recorded.revision),
  type: recorded.type,
  occurredAt: new Date(recorded.metadata.occurredAt),
  recordedAt: recorded.recordedAt,
  actorSub: recorded.metadata.actor.sub,
  actorRole: recorded.metadata.actor.role,
  data: recorded.data as Record<string, unknown>,
  hash: recorded.metadata.hash,
});

/**
 * A page of an application's events, oldest first, keyed by revision; not for reviewers
 * (API.md). The page is read from the application's stream in the event store itself, as
 * the state at an instant is: the audit trail is the log, not a copy of it that a projection
 * keeps (and a rebuild rewrites). Who may see it comes from the stream too (the municipality
 * its first event names), so an application shows its history as soon as it is recorded.
 */
@QueryHandler(ApplicationHistoryQuery)
export class ApplicationHistoryHandler implements IQueryHandler<
  ApplicationHistoryQuery,
  ApplicationHistoryView
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({
    applicationId,
    principal,
    page,
  }: ApplicationHistoryQuery): Promise<ApplicationHistoryView> {
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = page.cursor === undefined ? undefined : cursorOf(page.cursor, applicationId);
    const after = cursor && 'revision' in cursor ? cursor.revision : undefined;
    const from = after === undefined ? 0 : after + 1;
    // A later page seen without reviewer ids labels its reviewers as the earlier pages did, so it
    // needs every event before it: those are read with the page, from the creation on.
    const withEarlier = after !== undefined && !seesReviewerIds(principal);
    // One more than the page, to know whether another follows.
    const pageEnd = from + limit;
    // The creation says whose application it is: the page is read with it when it starts there
    // or needs the earlier events anyway (one read instead of two or three).
    const pageFromHead = cursor === undefined || withEarlier;
    const head = await this.read(applicationId, 0, pageFromHead ? pageEnd : 0);
    const [created] = head;
    if (!created || !canSee(principal, ownerOf(created), HISTORY_READERS)) throw applicationNotFound();
    if (cursor && 'refusal' in cursor) throw cursor.refusal;
    const events = pageFromHead ? head.slice(from) : await this.read(applicationId, from, pageEnd);
    const entries = events.slice(0, limit).map(entryOf);
    const last = entries.at(-1);
    return historyView(applicationId, entries, principal, {
      earlierReviewers: withEarlier ? reviewersIn(head.slice(0, from)) : [],
      nextCursor:
        events.length > limit && last
          ? encodeCursor({ key: String(last.revision), id: applicationId })
          : null,
    });
  }

  /** The stream's events from one revision to another, both included; none past its end. */
  private read(applicationId: string, fromRevision: number, toRevision: number): Promise<RecordedEvent[]> {
    return readStreamIfAny(this.store, applicationStreamId(applicationId), { fromRevision, toRevision });
  }
}

/** The roles the history is for: the owner municipality, programme officers and auditors. */
const HISTORY_READERS = ['municipality', 'program_officer', 'auditor'] as const;

/** Whose application it is, as its first event (the creation) names it; reviewers do not read history. */
function ownerOf(created: RecordedEvent): { municipalityCode: string; reviewerIds: string[] } {
  const { municipalityCode } = created.data as { municipalityCode?: unknown };
  return { municipalityCode: typeof municipalityCode === 'string' ? municipalityCode : '', reviewerIds: [] };
}

/** The reviewers named by these events, oldest first: the labels the earlier pages gave. */
function reviewersIn(events: readonly RecordedEvent[]): EarlierReviewer[] {
  return events.flatMap(({ data }) => {
    const { reviewerId, reviewCycle } = data as { reviewerId?: unknown; reviewCycle?: unknown };
    // A cycle the event does not carry reads as undefined, as it does on the first page.
    return typeof reviewerId === 'string' ? [{ reviewCycle, reviewerId }] : [];
  });
}

/**
 * The revision a cursor of this application's history ends at, or the 400 naming `cursor`,
 * answered only once the caller is known to see the application.
 */
function cursorOf(cursor: string, applicationId: string): { revision: number } | { refusal: unknown } {
  try {
    const { key, id } = decodeCursor(cursor, isRevision);
    if (id !== applicationId)
      throw invalidRequest('cursor', 'cursor', 'cursor must be a nextCursor from this application’s history');
    return { revision: Number(key) };
  } catch (refusal) {
    return { refusal };
  }
}
