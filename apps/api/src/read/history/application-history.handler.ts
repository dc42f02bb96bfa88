import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApplicationHistoryRow, ApplicationSummaryRow } from '@l10k/read-model';
import { historyView, type ApplicationHistoryView } from '../../views/history.view';
import { applicationNotFound, canSee } from '../visibility';
import { ApplicationHistoryQuery } from './application-history.query';

/** Every event of an application, oldest first; not for reviewers (API.md). */
@QueryHandler(ApplicationHistoryQuery)
export class ApplicationHistoryHandler implements IQueryHandler<
  ApplicationHistoryQuery,
  ApplicationHistoryView
> {
  constructor(
    @InjectRepository(ApplicationSummaryRow) private readonly summaries: Repository<ApplicationSummaryRow>,
    @InjectRepository(ApplicationHistoryRow) private readonly history: Repository<ApplicationHistoryRow>,
  ) {}

  async execute({ applicationId, principal }: ApplicationHistoryQuery): Promise<ApplicationHistoryView> {
    // Who may see it is all this needs of the summary (not its state and detail documents).
    const summary = await this.summaries.findOne({
      where: { id: applicationId },
      select: ['id', 'municipalityCode', 'reviewerIds'],
    });
    if (!summary || !canSee(principal, summary, ['municipality', 'program_officer', 'auditor']))
      throw applicationNotFound();
    const rows = await this.history.find({ where: { applicationId }, order: { revision: 'ASC' } });
    return historyView(applicationId, rows, principal);
  }
}
