import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '../../auth/roles.decorator';
import { queryPrepared } from '../../database/prepared-query';
import { KnownReviewersView, type KnownReviewerView } from '../../views/known-reviewer.view';
import { decodeCursor, encodeCursor } from '../paging/keyset-cursor';
import { DEFAULT_PAGE_SIZE, PageQueryDto } from '../paging/page-query.dto';

/** A reviewer id as an assignment takes it (AssignReviewerDto): the cursor's key and tie-breaker both. */
const isReviewerId = (key: string): boolean => key.length > 0 && key.length <= 200;

/**
 * Every reviewer id the summaries name (each application's current review cycle), with their
 * assignments: what an officer picks from when assigning. The domain keeps no roster of
 * reviewers; one named only by a cycle an application has left is not listed.
 * Counted from the summaries' reviewer ids for each page: the assignment form asks, not a queue.
 */
const KNOWN_REVIEWERS = (limit: number) => `
  SELECT r.reviewer_id AS "reviewerId",
         (count(*) FILTER (WHERE s.status = 'under_review'))::int AS "underReview",
         count(*)::int AS "assigned"
    FROM application_summaries s CROSS JOIN LATERAL unnest(s.reviewer_ids) AS r(reviewer_id)
   WHERE $1::text IS NULL OR r.reviewer_id > $1::text
   GROUP BY r.reviewer_id
   ORDER BY r.reviewer_id
   LIMIT ${limit + 1}`;

/** The reviewers known to the programme, for the programme officer only (a municipality never learns who reviews). */
@ApiTags('review')
@Controller('v1/reviewers')
export class KnownReviewersController {
  constructor(@InjectDataSource() private readonly database: DataSource) {}

  @Get()
  @Roles('program_officer')
  @ApiOperation({
    summary:
      'Reviewers the applications name (their current review cycles), by id, with how many applications each has under review: for choosing whom to assign',
  })
  @ApiOkResponse({ type: KnownReviewersView })
  async list(@Query() page: PageQueryDto): Promise<KnownReviewersView> {
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const after =
      page.cursor === undefined ? null : decodeCursor(page.cursor, isReviewerId, isReviewerId).key;
    // The limit is a validated integer (1–200), written into the text as the planner must see it.
    const rows = await queryPrepared<KnownReviewerView>(this.database, KNOWN_REVIEWERS(limit), [after]);
    const items = rows.slice(0, limit).map((row): KnownReviewerView => ({
      reviewerId: row.reviewerId,
      underReview: row.underReview,
      assigned: row.assigned,
    }));
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        rows.length > limit && last ? encodeCursor({ key: last.reviewerId, id: last.reviewerId }) : null,
    };
  }
}
