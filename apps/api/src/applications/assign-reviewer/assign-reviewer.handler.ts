import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApplicationCommandsService } from '../application-commands.service';
import type { WriteResult } from '../../write/write-result';
import { AssignReviewerCommand } from './assign-reviewer.command';

@CommandHandler(AssignReviewerCommand)
export class AssignReviewerHandler implements ICommandHandler<AssignReviewerCommand, WriteResult> {
  constructor(private readonly applications: ApplicationCommandsService) {}

  execute(command: AssignReviewerCommand): Promise<WriteResult> {
    return this.applications.execute(command.applicationId, command.request, (metadata) => ({
      type: 'AssignReviewer',
      data: { applicationId: command.applicationId, reviewerId: command.body.reviewerId },
      metadata,
    }));
  }
}
