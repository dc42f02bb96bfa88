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
import { RequestRevisionDto } from './request-revision.dto';
import { RequestRevisionCommand } from './request-revision.command';

@ApiTags('applications')
@Controller('v1/applications')
export class RequestRevisionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/revision-requests')
  @Roles('program_officer')
  @ApiOperation({ summary: 'Send the application back to the municipality for revision' })
  @ApplicationWriteResponses(200)
  async handle(
    @Param('id', ApplicationIdPipe) id: string,
    @Body() body: RequestRevisionDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const result = await this.commands.execute<RequestRevisionCommand, WriteResult>(
      new RequestRevisionCommand(id, request, body),
    );
    return answer(response, result);
  }
}
