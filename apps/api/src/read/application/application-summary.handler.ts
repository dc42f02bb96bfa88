import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApplicationSummaryRow, applicationRecordOf } from '@l10k/read-model';
import { applicationView, type ApplicationView } from '../../views/application.view';
import { applicationNotFound, canSee } from '../visibility';
import { ApplicationSummaryQuery } from './application-summary.query';

@QueryHandler(ApplicationSummaryQuery)
export class ApplicationSummaryHandler implements IQueryHandler<ApplicationSummaryQuery, ApplicationView> {
  constructor(
    @InjectRepository(ApplicationSummaryRow) private readonly summaries: Repository<ApplicationSummaryRow>,
  ) {}

  async execute({ applicationId, principal }: ApplicationSummaryQuery): Promise<ApplicationView> {
    const row = await this.summaries.findOneBy({ id: applicationId });
    if (!row || !canSee(principal, row)) throw applicationNotFound();
    return {
      ...applicationView(applicationRecordOf(row.state), row.streamRevision, principal),
      reviewsNeeded: row.reviewsNeeded,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
