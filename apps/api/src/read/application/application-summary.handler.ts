import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApplicationSummaryRow } from '@l10k/read-model';
import { applicationView } from '../../applications/application-view';
import { applicationNotFound, canSee } from '../visibility';
import { ApplicationSummaryQuery } from './application-summary.query';

@QueryHandler(ApplicationSummaryQuery)
export class ApplicationSummaryHandler implements IQueryHandler<ApplicationSummaryQuery> {
  constructor(
    @InjectRepository(ApplicationSummaryRow) private readonly summaries: Repository<ApplicationSummaryRow>,
  ) {}

  async execute({ applicationId, principal }: ApplicationSummaryQuery): Promise<Record<string, unknown>> {
    const row = await this.summaries.findOneBy({ id: applicationId });
    if (!row || !canSee(principal, row)) throw applicationNotFound();
    return {
      ...applicationView(row.state, row.streamRevision),
      reviewsNeeded: row.reviewsNeeded,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
