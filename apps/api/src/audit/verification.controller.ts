import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { applicationStreamId } from '@l10k/domain';
import { EVENT_STORE, StreamNotFoundError, type EventStore, type VerificationReport } from '@l10k/eventstore';
import { Roles } from '../auth/roles.decorator';
import { problem, ProblemException } from '../problem-details/problem';
import { ProblemResponse } from '../problem-details/problem.response';
import { VerificationReportView, verificationReportView } from '../views/verification-report.view';

export class VerificationRequestDto {
  @ApiPropertyOptional({ description: 'Check only this application’s chain; omitted: every stream' })
  @IsOptional()
  @IsUUID()
  applicationId?: string;
}

/**
 * A signal that aborts if the connection closes before the answer is sent. Not Fastify's
 * `request.signal`: it listens for the request's 'close', which Node emits once a POST's body
 * has been read, before the handler runs; the response's 'close' comes when the connection
 * goes, and `writableFinished` tells a cut connection from an answered request.
 */
function abortedWhenTheClientGoes(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

@ApiTags('audit')
@Controller('v1/audit/verifications')
export class VerificationController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post()
  @HttpCode(200)
  @Roles('auditor')
  @ApiOperation({
    summary: 'Recompute the hash chains; each broken stream is named with its first broken link',
  })
  @ApiOkResponse({ type: VerificationReportView })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No application has this id' })
  async verify(
    @Body() body: VerificationRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VerificationReportView> {
    const report = body.applicationId
      ? await this.verifyApplication(body.applicationId)
      : await this.verifyEverything(abortedWhenTheClientGoes(reply));
    return verificationReportView(report);
  }

  /**
   * Every chain, abandoned if the auditor goes away before the answer (a closed tab, a
   * reload): on a decade's log the walk keeps a core busy for tens of seconds, and a reload
   * would start a second one beside it. The 499 is for the request log; nobody is left to read it.
   */
  private async verifyEverything(signal: AbortSignal): Promise<VerificationReport> {
    try {
      return await this.store.verifyAll({ signal });
    } catch (error) {
      if (!signal.aborted) throw error;
      throw new ProblemException(
        problem(
          499,
          'The client went away before the answer; the verification was abandoned.',
          [],
          'client-closed-request',
        ),
      );
    }
  }

  private async verifyApplication(applicationId: string): Promise<VerificationReport> {
    try {
      return await this.store.verifyStream(applicationStreamId(applicationId.toLowerCase()));
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
      throw new ProblemException(
        problem(
          404,
          'No such application.',
          [{ field: 'applicationId', rule: 'exists', message: 'no application has this id' }],
          'not-found',
        ),
      );
    }
  }
}
