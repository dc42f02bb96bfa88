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
import { SubmitApplicationCommand } from './submit-application.command';

@ApiTags('applications')
@Controller('v1/applications')
export class SubmitApplicationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/submit')
  @Roles('municipality')
  @ApiOperation({ summary: 'Submit: every funding rule runs; 422 lists every violation' })
  @ApplicationWriteResponses(200)
  async handle(
    @Param('id', ApplicationIdPipe) id: string,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const result = await this.commands.execute<SubmitApplicationCommand, WriteResult>(
      new SubmitApplicationCommand(id, request),
    );
    return answer(response, result);
  }
}
