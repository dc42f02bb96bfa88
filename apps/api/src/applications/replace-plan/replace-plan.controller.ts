import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { answer } from '../../write/answer';
import { Write } from '../../write/write-request.decorator';
import type { WriteRequest } from '../../write/write-request';
import type { WriteResult } from '../../write/write-result';
import { ApplicationWriteResponses } from '../application-write-responses.decorator';
import { ApplicationIdPipe } from '../application-id.pipe';
import { PlanBodyDto } from '../dto/application-plan.dto';
import { ReplacePlanCommand } from './replace-plan.command';

@ApiTags('applications')
@Controller('v1/applications')
export class ReplacePlanController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':id/plan')
  @Roles('municipality')
  @ApiOperation({ summary: 'Replace the plan of a draft or of an application sent back for revision' })
  @ApplicationWriteResponses(200)
  async handle(
    @Param('id', ApplicationIdPipe) id: string,
    @Body() body: PlanBodyDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const result = await this.commands.execute<ReplacePlanCommand, WriteResult>(
      new ReplacePlanCommand(id, request, body),
    );
    return answer(response, result);
  }
}
