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
import { SubmitReviewDto } from './submit-review.dto';
import { SubmitReviewCommand } from './submit-review.command';

@ApiTags('applications')
@Controller('v1/applications')
export class SubmitReviewController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/reviews')
  @Roles('reviewer')
  @ApiOperation({
    summary: 'Record a review: each requirement met or not, with a comment, and a recommendation',
  })
  @ApplicationWriteResponses(200)
  async handle(
    @Param('id', ApplicationIdPipe) id: string,
    @Body() body: SubmitReviewDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const result = await this.commands.execute<SubmitReviewCommand, WriteResult>(
      new SubmitReviewCommand(id, request, body),
    );
    return answer(response, result);
  }
}
