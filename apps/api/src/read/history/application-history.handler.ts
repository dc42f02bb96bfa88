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
    // The first page holds the first event; a later one reads it alone, before its cursor is looked at.
    const firstPage = page.cursor === undefined ? await this.read(applicationId, 0, limit) : undefined;
    const [created] = firstPage ?? (await this.read(applicationId, 0, 0));
    if (!created || !canSee(principal, ownerOf(created), HISTORY_READERS)) throw applicationNotFound();
    const after = page.cursor === undefined ? undefined : revisionAfter(page.cursor, applicationId);
    const from = after === undefined ? 0 : after + 1;
    // One more than the page, to know whether another follows.
    const events = firstPage ?? (await this.read(applicationId, from, from + limit));
    const entries = events.slice(0, limit).map(entryOf);
    const last = entries.at(-1);
    return historyView(applicationId, entries, principal, {
      earlierReviewers:
        after === undefined || seesReviewerIds(principal)
          ? []
          : reviewersIn(await this.read(applicationId, 0, after)),
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

/** The revision a cursor of this application's history ends at, or a 400 naming `cursor`. */
function revisionAfter(cursor: string, applicationId: string): number {
  const { key, id } = decodeCursor(cursor, isRevision);
  if (id !== applicationId)
    throw invalidRequest('cursor', 'cursor', 'cursor must be a nextCursor from this application’s history');
  return Number(key);
}
