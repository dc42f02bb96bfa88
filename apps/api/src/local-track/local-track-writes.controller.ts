import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator';
import { ApplicationIdPipe } from '../params/uuid.pipe';
import { ApplicationView } from '../views/application.view';
import { Write } from '../write/write-request.decorator';
import type { WriteRequest } from '../write/write-request';
import { WriteResponses } from '../write/write-responses.decorator';
import { Writes } from '../write/writes.service';
import { AcknowledgementDto } from './dto/acknowledgement.dto';
import { toLocalAssessments } from './dto/local-assessments.dto';
import { LocalConfirmationDto } from './dto/local-confirmation.dto';
import { ReportToMicDto } from './dto/report-to-mic.dto';
import { fresh } from '@l10k/rules';

const APPLICATION = { view: ApplicationView, resource: 'application' } as const;
const STEPS =
  'Not at this step of the local track (draft → locally_confirmed → reported_to_mic → acknowledged, or returned → reported_to_mic), or a national-track application (wrong_track, field track)';

/**
 * The local track (API.md, "Local track"): no MIC reviewers, no adoption vote, no national
 * budget. Each route turns its DTO into a domain command; the one write pipeline decides it.
 */
@ApiTags('local track')
@Controller('v1/applications')
export class LocalTrackWritesController {
  constructor(private readonly writes: Writes) {}

  @Post(':id/local-confirmation')
  @Roles('municipality')
  @ApiOperation({
    summary:
      '有識者の審査 or 商工会議所等の確認: who, when, a verdict per requirement and the attached document → locally_confirmed',
  })
  @WriteResponses({
    ...fresh,
    ...APPLICATION,
    conflict: STEPS,
    unprocessable:
      'The document is not attached to this application (document_attached), or the date is after today',
  })
  recordLocalConfirmation(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: LocalConfirmationDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'RecordLocalConfirmation',
      data: {
        applicationId,
        kind: body.kind,
        by: body.by,
        on: body.on,
        assessments: toLocalAssessments(body.assessments),
        documentId: body.documentId,
      },
    } as const;
    return this.writes.execute(response, command, request);
  }

  @Post(':id/report-to-mic')
  @Roles('municipality')
  @ApiOperation({
    summary:
      'Reports the project to MIC with its 補助要綱 → reported_to_mic; every rule of the local track runs, as for a submission',
  })
  @WriteResponses({
    ...fresh,
    ...APPLICATION,
    conflict: STEPS,
    unprocessable:
      'The plan breaks a local-track rule, a requirement was judged not met, or the 補助要綱 is not attached; each in errors[]',
  })
  reportToMic(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: ReportToMicDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'ReportToMic',
      data: { applicationId, schemeRulesDocumentId: body.schemeRulesDocumentId },
    } as const;
    return this.writes.execute(response, command, request);
  }

  @Post(':id/acknowledgement')
  @Roles('program_officer')
  @ApiOperation({ summary: 'Acknowledges the report, or returns it naming what is missing' })
  @WriteResponses({ ...fresh, ...APPLICATION, conflict: STEPS })
  answerReport(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: AcknowledgementDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'AnswerMicReport',
      data: { applicationId, outcome: body.outcome, reason: body.reason },
    } as const;
    return this.writes.execute(response, command, request);
  }
}
