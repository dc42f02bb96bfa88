import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApplicationCommandsService } from '../application-commands.service';
import type { WriteResult } from '../../write/write-result';
import { SubmitApplicationCommand } from './submit-application.command';

@CommandHandler(SubmitApplicationCommand)
export class SubmitApplicationHandler implements ICommandHandler<SubmitApplicationCommand, WriteResult> {
  constructor(private readonly applications: ApplicationCommandsService) {}

  execute(command: SubmitApplicationCommand): Promise<WriteResult> {
    return this.applications.execute(command.applicationId, command.request, (metadata) => ({
      type: 'SubmitApplication',
      data: { applicationId: command.applicationId },
      metadata,
    }));
  }
}
