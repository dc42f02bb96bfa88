import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import { ApplicationHistoryRow, ApplicationSummaryRow } from '@l10k/read-model';
import { invalidRequest } from '../../problem-details';
import { historyView, type ApplicationHistoryView, type EarlierReviewer } from '../../views/history.view';
import { seesReviewerIds } from '../../views/viewer';
import { decodeCursor, encodeCursor, isRevision } from '../paging/keyset-cursor';
import { DEFAULT_PAGE_SIZE } from '../paging/page-query.dto';
import { applicationNotFound, canSee } from '../visibility';
import { ApplicationHistoryQuery } from './application-history.query';

/** A page of an application's events, oldest first, keyed by revision; not for reviewers (API.md). */
@QueryHandler(ApplicationHistoryQuery)
export class ApplicationHistoryHandler implements IQueryHandler<
  ApplicationHistoryQuery,
  ApplicationHistoryView
> {
  constructor(
    @InjectRepository(ApplicationSummaryRow) private readonly summaries: Repository<ApplicationSummaryRow>,
    @InjectRepository(ApplicationHistoryRow) private readonly history: Repository<ApplicationHistoryRow>,
  ) {}

  async execute({
    applicationId,
    principal,
    page,
  }: ApplicationHistoryQuery): Promise<ApplicationHistoryView> {
    // Who may see it is all this needs of the summary (not its state and detail documents).
    const summary = await this.summaries.findOne({
      where: { id: applicationId },
      select: ['id', 'municipalityCode', 'reviewerIds'],
    });
    if (!summary || !canSee(principal, summary, ['municipality', 'program_officer', 'auditor']))
      throw applicationNotFound();
    const after = page.cursor === undefined ? undefined : revisionAfter(page.cursor, applicationId);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.history.find({
      where: { applicationId, ...(after === undefined ? {} : { revision: MoreThan(after) }) },
      order: { revision: 'ASC' },
      take: limit + 1,
    });
    const entries = rows.slice(0, limit);
    const last = entries.at(-1);
    return historyView(applicationId, entries, principal, {
      earlierReviewers:
        after === undefined || seesReviewerIds(principal)
          ? []
          : await this.reviewersUpTo(applicationId, after),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ key: String(last.revision), id: applicationId }) : null,
    });
  }

  /** The reviewers named by events up to `revision`, oldest first: the labels the earlier pages gave. */
  private async reviewersUpTo(applicationId: string, revision: number): Promise<EarlierReviewer[]> {
    const named = await this.history
      .createQueryBuilder('entry')
      .select(`entry.data -> 'reviewCycle'`, 'reviewCycle')
      .addSelect(`entry.data ->> 'reviewerId'`, 'reviewerId')
      .where('entry.application_id = :applicationId', { applicationId })
      .andWhere('entry.revision <= :revision', { revision })
      .andWhere(`jsonb_typeof(entry.data -> 'reviewerId') = 'string'`)
      .orderBy('entry.revision', 'ASC')
      .getRawMany<{ reviewCycle: unknown; reviewerId: string }>();
    // A cycle the event does not carry reads as undefined, as it does on the first page.
    return named.map(({ reviewCycle, reviewerId }) => ({
      reviewCycle: reviewCycle ?? undefined,
      reviewerId,
    }));
  }
}

/** The revision a cursor of this application's history ends at, or a 400 naming `cursor`. */
function revisionAfter(cursor: string, applicationId: string): number {
  const { key, id } = decodeCursor(cursor, isRevision);
  if (id !== applicationId)
    throw invalidRequest('cursor', 'cursor', 'cursor must be a nextCursor from this application’s history');
  return Number(key);
}
