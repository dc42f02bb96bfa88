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
import { WithdrawApplicationDto } from './withdraw-application.dto';
import { WithdrawApplicationCommand } from './withdraw-application.command';

@ApiTags('applications')
@Controller('v1/applications')
export class WithdrawApplicationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/withdraw')
  @Roles('municipality')
  @ApiOperation({ summary: 'Withdraw an application before a decision' })
  @ApplicationWriteResponses(200)
  async handle(
    @Param('id', ApplicationIdPipe) id: string,
    @Body() body: WithdrawApplicationDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const result = await this.commands.execute<WithdrawApplicationCommand, WriteResult>(
      new WithdrawApplicationCommand(id, request, body),
    );
    return answer(response, result);
  }
}
