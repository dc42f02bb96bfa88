import { Body, Controller, Param, Post, Res } from '@nestjs/common';
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
import { DecideApplicationDto } from './decide-application.dto';
import { DecideApplicationCommand } from './decide-application.command';

@ApiTags('applications')
@Controller('v1/applications')
export class DecideApplicationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/decision')
  @Roles('program_officer')
  @ApiOperation({
    summary: 'Adopt or reject; adoption needs the quorum, a majority on every requirement, and budget',
  })
  @ApplicationWriteResponses(200)
  async handle(
    @Param('id', ApplicationIdPipe) id: string,
    @Body() body: DecideApplicationDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const result = await this.commands.execute<DecideApplicationCommand, WriteResult>(
      new DecideApplicationCommand(id, request, body),
    );
    return answer(response, result);
  }
}
