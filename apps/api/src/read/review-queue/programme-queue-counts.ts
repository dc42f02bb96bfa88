import { Injectable } from '@nestjs/common';
import type { ReviewQueueRoundCountView } from '../../views/review-queue.view';
import { KeptByVersion } from '../kept-by-version';

/** Different filters (and a new day in Japan, for the overdue count) are different entries; a handful are in use. */
const KEPT_SCOPES = 64;

/**
 * The programme-wide queue counts (a programme officer's scope: every open application) as of
 * the queue's last projected change, kept per API process and per scope (filters and today).
 * Counting them means reading every open application in scope, thousands on a deadline day;
 * they change only when the projector commits, a few times a second at most, while officers
 * ask for queue pages far more often, and for pages beyond the first that are not kept whole.
 * Each page is given the queue projection's version, read with the page before counting (kept-page.sql.ts).
 */
@Injectable()
export class ProgrammeQueueCounts extends KeptByVersion<ReviewQueueRoundCountView[]> {
  constructor() {
    super(KEPT_SCOPES);
  }
}
