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
import { AssignReviewerDto } from './assign-reviewer.dto';
import { AssignReviewerCommand } from './assign-reviewer.command';

@ApiTags('applications')
@Controller('v1/applications')
export class AssignReviewerController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/reviewers')
  @Roles('program_officer')
  @ApiOperation({ summary: 'Assign an expert reviewer; the application goes under review' })
  @ApplicationWriteResponses(200)
  async handle(
    @Param('id', ApplicationIdPipe) id: string,
    @Body() body: AssignReviewerDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const result = await this.commands.execute<AssignReviewerCommand, WriteResult>(
      new AssignReviewerCommand(id, request, body),
    );
    return answer(response, result);
  }
}
