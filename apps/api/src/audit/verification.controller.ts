import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
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
  async verify(@Body() body: VerificationRequestDto): Promise<VerificationReportView> {
    const report = body.applicationId
      ? await this.verifyApplication(body.applicationId)
      : await this.store.verifyAll();
    return verificationReportView(report);
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
