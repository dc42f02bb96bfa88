import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApplicationSummaryRow } from '@l10k/read-model';
import { applicationView, type ApplicationView } from '../../views/application.view';
import { applicationNotFound, canSee } from '../visibility';
import { ApplicationSummaryQuery } from './application-summary.query';

@QueryHandler(ApplicationSummaryQuery)
export class ApplicationSummaryHandler implements IQueryHandler<ApplicationSummaryQuery, ApplicationView> {
  constructor(
    @InjectRepository(ApplicationSummaryRow) private readonly summaries: Repository<ApplicationSummaryRow>,
  ) {}

  async execute({ applicationId, principal }: ApplicationSummaryQuery): Promise<ApplicationView> {
    const row = await this.summaries.findOne({
      where: { id: applicationId },
      select: [
        'id',
        'municipalityCode',
        'reviewerIds',
        'streamRevision',
        'reviewsNeeded',
        'updatedAt',
        'detail',
      ],
    });
    if (!row || !canSee(principal, row)) throw applicationNotFound();
    return {
      ...applicationView(row.detail, row.streamRevision, principal),
      reviewsNeeded: row.reviewsNeeded,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
