import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApplicationCommandsService } from '../application-commands.service';
import type { WriteResult } from '../../write/write-result';
import { WithdrawApplicationCommand } from './withdraw-application.command';

@CommandHandler(WithdrawApplicationCommand)
export class WithdrawApplicationHandler implements ICommandHandler<WithdrawApplicationCommand, WriteResult> {
  constructor(private readonly applications: ApplicationCommandsService) {}

  execute(command: WithdrawApplicationCommand): Promise<WriteResult> {
    return this.applications.execute(command.applicationId, command.request, (metadata) => ({
      type: 'WithdrawApplication',
      data: { applicationId: command.applicationId, reason: command.body.reason },
      metadata,
    }));
  }
}
