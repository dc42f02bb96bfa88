import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { answer } from '../../write/answer';
import { Write } from '../../write/write-request.decorator';
import type { WriteRequest } from '../../write/write-request';
import type { WriteResult } from '../../write/write-result';
import { ApplicationWriteResponses } from '../application-write-responses.decorator';
import { applicationIdFor } from './application-id-for';
import { PlanBodyDto } from '../dto/application-plan.dto';
import { CreateApplicationCommand } from './create-application.command';

@ApiTags('applications')
@Controller('v1/applications')
export class CreateApplicationController {
  constructor(private readonly commands: CommandBus) {}

  @Post('')
  @Roles('municipality')
  @ApiOperation({
    summary:
      'Create a draft application of the caller’s municipality (the plan may be partial; `warnings[]` lists what submission would refuse)',
  })
  @ApplicationWriteResponses(201)
  async handle(
    @Body() body: PlanBodyDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const result = await this.commands.execute<CreateApplicationCommand, WriteResult>(
      new CreateApplicationCommand(applicationIdFor(request), request, body),
    );
    return answer(response, result);
  }
}
