import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApplicationRecord } from '@l10k/read-model';
import { applicationView, type ApplicationView } from '../../views/application.view';
import { CoalescedRead } from '../coalesced-read';
import { applicationNotFound, canSee } from '../visibility';
import { ApplicationSummaryQuery } from './application-summary.query';
import { fresh } from '@l10k/rules';
import { isoInstantOf, utcWallTime } from '../iso-instant.sql';

/** What the view needs of a summary's row, as PostgreSQL sends it (the bigint revision as text, the instant as UTC wall time). */
interface SummaryDetailRow {
  readonly key: string;
  readonly municipalityCode: string;
  readonly reviewerIds: string[];
  readonly revision: string;
  readonly reviewsNeeded: number | null;
  readonly updatedAt: string;
  readonly detail: ApplicationRecord;
}

/*
 * One plain statement, read raw, prepared and coalesced: this is the most frequent read of all,
 * and building it through the repository (query builder, alias mapping, entity hydration) cost
 * more than PostgreSQL's own lookup in bench:api's profile.
 */
const SUMMARY_DETAILS = `SELECT id::text AS key, municipality_code AS "municipalityCode", reviewer_ids AS "reviewerIds",
  stream_revision::text AS revision, reviews_needed AS "reviewsNeeded", ${utcWallTime('updated_at')} AS "updatedAt", detail
  FROM application_summaries WHERE id = ANY($1::uuid[])`;

@QueryHandler(ApplicationSummaryQuery)
export class ApplicationSummaryHandler implements IQueryHandler<ApplicationSummaryQuery, ApplicationView> {
  private readonly summaries: CoalescedRead<SummaryDetailRow>;

  constructor(@InjectDataSource() database: DataSource) {
    this.summaries = new CoalescedRead(database, SUMMARY_DETAILS);
  }

  async execute({ applicationId, principal }: ApplicationSummaryQuery): Promise<ApplicationView> {
    const row = await this.summaries.read(applicationId);
    if (!row || !canSee(principal, row)) throw applicationNotFound();
    return {
      ...fresh,
      ...applicationView(row.detail, Number(row.revision), principal),
      reviewsNeeded: row.reviewsNeeded,
      updatedAt: isoInstantOf(row.updatedAt),
    };
  }
}
