import { Injectable } from '@nestjs/common';
import { readModelProjections } from '@l10k/read-model';
import type { ReviewQueueRoundCountView } from '../../views/review-queue.view';
import type { SqlConditions } from '../sql-conditions';

/** The projection whose transactions write the review queue: its checkpoint moves with every change to it. */
const QUEUE_WRITER = readModelProjections.find((projection) => projection.tables.includes('review_queue'));
if (!QUEUE_WRITER)
  throw new Error('no projection writes review_queue: the queue counts cannot know when to count again');

/** Different filters (and a new day in Japan, for the overdue count) are different entries; a handful are in use. */
const KEPT_SCOPES = 64;

/**
 * The programme-wide queue counts (a programme officer's scope: every open application) as of
 * the queue's last projected change, kept per API process. Counting them means reading every
 * open application in scope, thousands on a deadline day; they change only when the projector
 * commits, a few times a second at most, while officers ask for queue pages far more often.
 * Each page's own statement reads the projection's version beside its lines (`versionColumn`,
 * one row by key, evaluated once per statement): unchanged, the kept counts are answered;
 * moved on, they are counted again, once for all the requests that arrive meanwhile. Counts
 * kept under a version are never older than it (the version is read before counting); a count
 * that fails is not kept.
 */
@Injectable()
export class ProgrammeQueueCounts {
  private readonly kept = new Map<
    string,
    { readonly version: string; readonly counts: Promise<ReviewQueueRoundCountView[]> }
  >();

  /**
   * The queue projection's version as a column of the page's statement: it changes whenever the
   * projection commits (checkpoint, events and time), a rebuild included. Read in the page's
   * own statement, not a statement of its own, it costs no round trip.
   */
  static versionColumn(sql: SqlConditions): string {
    return `(SELECT coalesce(c.checkpoint, '-') || ':' || c.events_processed || ':' || c.updated_at
               FROM projection_checkpoints c WHERE c.name = ${sql.value(QUEUE_WRITER!.name)})`;
  }

  /**
   * The counts of `scope` as of `version` (read by the caller through `versionColumn`);
   * undefined when it could not be read (no checkpoint yet, or a page without lines): then
   * they are counted and not kept.
   */
  of(
    scope: string,
    version: string | undefined,
    count: () => Promise<ReviewQueueRoundCountView[]>,
  ): Promise<ReviewQueueRoundCountView[]> {
    const kept = this.kept.get(scope);
    if (version !== undefined && kept?.version === version) return kept.counts;
    const counts = count();
    if (version === undefined) return counts;
    // Requests arriving while this count runs share it instead of each counting again.
    const entry = { version, counts };
    this.kept.delete(scope);
    if (this.kept.size >= KEPT_SCOPES) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(scope, entry);
    counts.catch(() => {
      if (this.kept.get(scope) === entry) this.kept.delete(scope);
    });
    return counts;
  }
}
