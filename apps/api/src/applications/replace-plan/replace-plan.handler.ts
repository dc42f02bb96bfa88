import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApplicationCommandsService } from '../application-commands.service';
import type { WriteResult } from '../../write/write-result';
import { toApplicationPlan } from '../dto/to-application-plan';
import { ReplacePlanCommand } from './replace-plan.command';

@CommandHandler(ReplacePlanCommand)
export class ReplacePlanHandler implements ICommandHandler<ReplacePlanCommand, WriteResult> {
  constructor(private readonly applications: ApplicationCommandsService) {}

  execute(command: ReplacePlanCommand): Promise<WriteResult> {
    return this.applications.execute(command.applicationId, command.request, (metadata) => ({
      type: 'ReplacePlan',
      data: { applicationId: command.applicationId, plan: toApplicationPlan(command.body.plan) },
      metadata,
    }));
  }
}
