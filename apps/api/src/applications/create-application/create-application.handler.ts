import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApplicationCommandsService } from '../application-commands.service';
import type { WriteResult } from '../../write/write-result';
import { toApplicationPlan } from '../dto/to-application-plan';
import { CreateApplicationCommand } from './create-application.command';

@CommandHandler(CreateApplicationCommand)
export class CreateApplicationHandler implements ICommandHandler<CreateApplicationCommand, WriteResult> {
  constructor(private readonly applications: ApplicationCommandsService) {}

  execute(command: CreateApplicationCommand): Promise<WriteResult> {
    return this.applications.execute(
      command.applicationId,
      command.request,
      (metadata) => ({
        type: 'CreateApplication',
        data: {
          applicationId: command.applicationId,
          municipalityCode: command.request.actor.municipalityCode ?? '',
          plan: toApplicationPlan(command.body.plan),
        },
        metadata,
      }),
      201,
    );
  }
}
