import { Controller, Param, Post, Res } from '@nestjs/common';
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
import { ResubmitApplicationCommand } from './resubmit-application.command';

@ApiTags('applications')
@Controller('v1/applications')
export class ResubmitApplicationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/resubmit')
  @Roles('municipality')
  @ApiOperation({
    summary: 'Resubmit after a revision: joins the round of this instant; a new review cycle starts',
  })
  @ApplicationWriteResponses(200)
  async handle(
    @Param('id', ApplicationIdPipe) id: string,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const result = await this.commands.execute<ResubmitApplicationCommand, WriteResult>(
      new ResubmitApplicationCommand(id, request),
    );
    return answer(response, result);
  }
}
