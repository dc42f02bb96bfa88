import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApplicationRecord } from '@l10k/read-model';
import { applicationView, type ApplicationView } from '../../views/application.view';
import { readPrepared } from '../prepared-read';
import { applicationNotFound, canSee } from '../visibility';
import { ApplicationSummaryQuery } from './application-summary.query';

/** What the view needs of a summary's row, as PostgreSQL sends it (the bigint revision as text). */
interface SummaryDetailRow {
  readonly municipalityCode: string;
  readonly reviewerIds: string[];
  readonly revision: string;
  readonly reviewsNeeded: number | null;
  readonly updatedAt: Date;
  readonly detail: ApplicationRecord;
}

/*
 * One plain statement, read raw and prepared: this is the most frequent read of all, and building
 * it through the repository (query builder, alias mapping, entity hydration) cost more than
 * PostgreSQL's own lookup in bench:api's profile.
 */
const SUMMARY_DETAIL = `SELECT municipality_code AS "municipalityCode", reviewer_ids AS "reviewerIds",
  stream_revision::text AS revision, reviews_needed AS "reviewsNeeded", updated_at AS "updatedAt", detail
  FROM application_summaries WHERE id = $1`;

@QueryHandler(ApplicationSummaryQuery)
export class ApplicationSummaryHandler implements IQueryHandler<ApplicationSummaryQuery, ApplicationView> {
  constructor(@InjectDataSource() private readonly database: DataSource) {}

  async execute({ applicationId, principal }: ApplicationSummaryQuery): Promise<ApplicationView> {
    const [row] = await readPrepared<SummaryDetailRow>(this.database, SUMMARY_DETAIL, [applicationId]);
    if (!row || !canSee(principal, row)) throw applicationNotFound();
    return {
      ...applicationView(row.detail, Number(row.revision), principal),
      reviewsNeeded: row.reviewsNeeded,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
