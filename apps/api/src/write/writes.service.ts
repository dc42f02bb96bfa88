import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { UnstampedCommand } from '@l10k/domain';
import { answer } from './answer';
import { ExecuteCommand } from './execute-command';
import type { WriteRequest } from './write-request';
import type { WriteResult } from './write-result';

/** What a route calls: the command goes over the bus to the one pipeline, and its answer back with status and ETag. */
@Injectable()
export class Writes {
  constructor(private readonly commands: CommandBus) {}

  async execute<View>(
    response: FastifyReply,
    command: UnstampedCommand,
    request: WriteRequest,
    successStatus = 200,
  ): Promise<View> {
    const result = await this.commands.execute<ExecuteCommand, WriteResult>(
      new ExecuteCommand(command, request, successStatus),
    );
    return answer(response, result) as View;
  }
}
