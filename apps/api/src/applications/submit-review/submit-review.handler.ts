import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApplicationCommandsService } from '../application-commands.service';
import type { WriteResult } from '../../write/write-result';
import { toAssessments } from './submit-review.dto';
import { SubmitReviewCommand } from './submit-review.command';

@CommandHandler(SubmitReviewCommand)
export class SubmitReviewHandler implements ICommandHandler<SubmitReviewCommand, WriteResult> {
  constructor(private readonly applications: ApplicationCommandsService) {}

  execute(command: SubmitReviewCommand): Promise<WriteResult> {
    return this.applications.execute(command.applicationId, command.request, (metadata) => ({
      type: 'SubmitReview',
      data: {
        applicationId: command.applicationId,
        assessments: toAssessments(command.body.assessments),
        recommendation: command.body.recommendation,
        comment: command.body.comment,
      },
      metadata,
    }));
  }
}
