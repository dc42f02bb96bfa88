import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApplicationCommandsService } from '../application-commands.service';
import type { WriteResult } from '../../write/write-result';
import { DeclareConflictCommand } from './declare-conflict.command';

@CommandHandler(DeclareConflictCommand)
export class DeclareConflictHandler implements ICommandHandler<DeclareConflictCommand, WriteResult> {
  constructor(private readonly applications: ApplicationCommandsService) {}

  execute(command: DeclareConflictCommand): Promise<WriteResult> {
    return this.applications.execute(command.applicationId, command.request, (metadata) => ({
      type: 'DeclareConflict',
      data: {
        applicationId: command.applicationId,
        reviewerId: command.request.actor.sub,
        hasConflict: command.body.hasConflict,
        ...(command.body.detail === undefined ? {} : { detail: command.body.detail }),
      },
      metadata,
    }));
  }
}
