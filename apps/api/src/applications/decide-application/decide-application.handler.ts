import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApplicationCommandsService } from '../application-commands.service';
import type { WriteResult } from '../../write/write-result';
import { DecideApplicationCommand } from './decide-application.command';

@CommandHandler(DecideApplicationCommand)
export class DecideApplicationHandler implements ICommandHandler<DecideApplicationCommand, WriteResult> {
  constructor(private readonly applications: ApplicationCommandsService) {}

  execute(command: DecideApplicationCommand): Promise<WriteResult> {
    return this.applications.execute(command.applicationId, command.request, (metadata) => ({
      type: 'DecideApplication',
      data: {
        applicationId: command.applicationId,
        outcome: command.body.outcome,
        reason: command.body.reason,
        ...(command.body.approvedGrant === undefined ? {} : { approvedGrant: command.body.approvedGrant }),
      },
      metadata,
    }));
  }
}
