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
import { DeclareConflictDto } from './declare-conflict.dto';
import { DeclareConflictCommand } from './declare-conflict.command';

@ApiTags('applications')
@Controller('v1/applications')
export class DeclareConflictController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/conflict-declarations')
  @Roles('reviewer')
  @ApiOperation({
    summary: 'Declare whether the assigned reviewer has a conflict of interest (one who has is recused)',
  })
  @ApplicationWriteResponses(200)
  async handle(
    @Param('id', ApplicationIdPipe) id: string,
    @Body() body: DeclareConflictDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const result = await this.commands.execute<DeclareConflictCommand, WriteResult>(
      new DeclareConflictCommand(id, request, body),
    );
    return answer(response, result);
  }
}
