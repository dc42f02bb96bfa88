import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApplicationCommandsService } from '../application-commands.service';
import type { WriteResult } from '../../write/write-result';
import { RequestRevisionCommand } from './request-revision.command';

@CommandHandler(RequestRevisionCommand)
export class RequestRevisionHandler implements ICommandHandler<RequestRevisionCommand, WriteResult> {
  constructor(private readonly applications: ApplicationCommandsService) {}

  execute(command: RequestRevisionCommand): Promise<WriteResult> {
    return this.applications.execute(command.applicationId, command.request, (metadata) => ({
      type: 'RequestRevision',
      data: { applicationId: command.applicationId, reason: command.body.reason },
      metadata,
    }));
  }
}
