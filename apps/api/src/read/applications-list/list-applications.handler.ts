import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { ApplicationSummaryRow } from '@l10k/read-model';
import { municipalityName } from '@l10k/rules';
import type { ApplicationListItemView, ApplicationListView } from '../../views/application-list.view';
import { seesEverything } from '../visibility';
import { ListApplicationsQuery } from './list-applications.query';
import { decodeCursor, encodeCursor, isInstant } from '../paging/keyset-cursor';

const DEFAULT_LIMIT = 20;

/** A line of the list: what a queue or a table shows, not the whole plan. */
function listItem(row: ApplicationSummaryRow): ApplicationListItemView {
  return {
    id: row.id,
    municipalityCode: row.municipalityCode,
    municipalityName: municipalityName(row.municipalityCode) ?? null,
    status: row.status,
    round: row.round,
    fiscalYear: row.fiscalYear,
    projectTitle: row.projectTitle,
    businessName: row.businessName,
    track: row.track,
    requestedGrant: row.requestedGrant,
    approvedGrant: row.approvedGrant,
    nationalShare: row.nationalShare,
    decisionDueDate: row.decisionDueDate,
    reviewsDone: row.reviewsDone,
    reviewsNeeded: row.reviewsNeeded,
    createdAt: row.createdAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    revision: row.streamRevision,
  };
}

/** Newest first, keyset-paged on (created_at, id); scoped to what the caller may see. */
@QueryHandler(ListApplicationsQuery)
export class ListApplicationsHandler implements IQueryHandler<ListApplicationsQuery, ApplicationListView> {
  constructor(
    @InjectRepository(ApplicationSummaryRow) private readonly summaries: Repository<ApplicationSummaryRow>,
  ) {}

  async execute({ filters, principal }: ListApplicationsQuery): Promise<ApplicationListView> {
    const limit = filters.limit ?? DEFAULT_LIMIT;
    const query = this.summaries.createQueryBuilder('s');
    if (!seesEverything(principal)) {
      query.andWhere(
        new Brackets((scope) => {
          scope.where('false');
          if (principal.roles.includes('municipality'))
            scope.orWhere('s.municipality_code = :own', { own: principal.municipalityCode });
          if (principal.roles.includes('reviewer'))
            scope.orWhere(':sub = ANY(s.reviewer_ids)', { sub: principal.sub });
        }),
      );
    }
    if (filters.status) query.andWhere('s.status = :status', { status: filters.status });
    if (filters.round) query.andWhere('s.round = :round', { round: filters.round });
    if (filters.fiscalYear) query.andWhere('s.fiscal_year = :fiscalYear', { fiscalYear: filters.fiscalYear });
    if (filters.municipalityCode)
      query.andWhere('s.municipality_code = :code', { code: filters.municipalityCode });
    if (filters.cursor) {
      const after = decodeCursor(filters.cursor, isInstant);
      query.andWhere('(s.created_at, s.id) < (:createdAt, :id)', { createdAt: after.key, id: after.id });
    }
    const rows = await query
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(listItem),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ key: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }
}
