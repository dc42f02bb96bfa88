import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApplicationCommandsService } from '../application-commands.service';
import type { WriteResult } from '../../write/write-result';
import { ResubmitApplicationCommand } from './resubmit-application.command';

@CommandHandler(ResubmitApplicationCommand)
export class ResubmitApplicationHandler implements ICommandHandler<ResubmitApplicationCommand, WriteResult> {
  constructor(private readonly applications: ApplicationCommandsService) {}

  execute(command: ResubmitApplicationCommand): Promise<WriteResult> {
    return this.applications.execute(command.applicationId, command.request, (metadata) => ({
      type: 'ResubmitApplication',
      data: { applicationId: command.applicationId },
      metadata,
    }));
  }
}
