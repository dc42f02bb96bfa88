import { Body, Controller, Param, Post, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator';
import { ApplicationIdPipe } from '../params/uuid.pipe';
import { ApplicationView } from '../views/application.view';
import { Write } from '../write/write-request.decorator';
import type { WriteRequest } from '../write/write-request';
import { WriteResponses } from '../write/write-responses.decorator';
import { Writes } from '../write/writes.service';
import { newIdFor } from '../write/new-id';
import { PlanBodyDto } from './dto/application-plan.dto';
import { AssignReviewerDto } from './dto/assign-reviewer.dto';
import { DecideApplicationDto } from './dto/decide-application.dto';
import { DeclareConflictDto } from './dto/declare-conflict.dto';
import { RequestRevisionDto } from './dto/request-revision.dto';
import { SubmitReviewDto, toAssessments } from './dto/submit-review.dto';
import { toApplicationPlan } from './dto/to-application-plan';
import { WithdrawApplicationDto } from './dto/withdraw-application.dto';
import { fresh } from '@l10k/rules';

const APPLICATION = { view: ApplicationView, resource: 'application' } as const;

/**
 * Every write on an application (API.md, "Applications"): each route turns its DTO into a
 * domain command; the one write pipeline loads, decides (libs/domain) and appends.
 */
@ApiTags('applications')
@Controller('v1/applications')
export class ApplicationWritesController {
  constructor(private readonly writes: Writes) {}

  @Post('')
  @Roles('municipality')
  @ApiOperation({
    summary:
      'Create a draft application of the caller’s municipality (the plan may be partial; `warnings[]` lists what submission would refuse)',
  })
  @WriteResponses({ ...fresh, ...APPLICATION, successStatus: 201 })
  create(
    @Body() body: PlanBodyDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'CreateApplication',
      data: {
        applicationId: newIdFor(request, 'application-id'),
        municipalityCode: request.actor.municipalityCode ?? '',
        plan: toApplicationPlan(body.plan),
      },
    } as const;
    return this.writes.execute(response, command, request, 201);
  }

  @Put(':id/plan')
  @Roles('municipality')
  @ApiOperation({ summary: 'Replace the plan of a draft or of an application sent back for revision' })
  @WriteResponses(APPLICATION)
  replacePlan(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: PlanBodyDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'ReplacePlan',
      data: { applicationId, plan: toApplicationPlan(body.plan) },
    } as const;
    return this.writes.execute(response, command, request);
  }

  @Post(':id/submit')
  @Roles('municipality')
  @ApiOperation({ summary: 'Submit: every funding rule runs; 422 lists every violation' })
  @WriteResponses({
    ...fresh,
    ...APPLICATION,
    unprocessable: 'A funding rule or closed intake refuses it; every violation in errors[]',
  })
  submit(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    return this.writes.execute(response, { type: 'SubmitApplication', data: { applicationId } }, request);
  }

  @Post(':id/withdraw')
  @Roles('municipality')
  @ApiOperation({ summary: 'Withdraw an application before a decision' })
  @WriteResponses(APPLICATION)
  withdraw(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: WithdrawApplicationDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = { type: 'WithdrawApplication', data: { applicationId, reason: body.reason } } as const;
    return this.writes.execute(response, command, request);
  }

  @Post(':id/reviewers')
  @Roles('program_officer')
  @ApiOperation({ summary: 'Assign an expert reviewer; the application goes under review' })
  @WriteResponses({
    ...fresh,
    ...APPLICATION,
    conflict: 'The reviewer is already assigned, or the status does not allow it',
  })
  assignReviewer(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: AssignReviewerDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = { type: 'AssignReviewer', data: { applicationId, reviewerId: body.reviewerId } } as const;
    return this.writes.execute(response, command, request);
  }

  @Post(':id/conflict-declarations')
  @Roles('reviewer')
  @ApiOperation({
    summary: 'Declare whether the assigned reviewer has a conflict of interest (one who has is recused)',
  })
  @WriteResponses({ ...fresh, ...APPLICATION, conflict: 'Already declared, or the status does not allow it' })
  declareConflict(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: DeclareConflictDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'DeclareConflict',
      data: {
        applicationId,
        reviewerId: request.actor.sub,
        hasConflict: body.hasConflict,
        ...(body.detail === undefined ? {} : { detail: body.detail }),
      },
    } as const;
    return this.writes.execute(response, command, request);
  }

  @Post(':id/reviews')
  @Roles('reviewer')
  @ApiOperation({
    summary: 'Record a review: each requirement met or not, with a comment, and a recommendation',
  })
  @WriteResponses({
    ...fresh,
    ...APPLICATION,
    conflict: 'No declaration yet, already reviewed, or the status does not allow it',
    unprocessable: 'An assessment is missing or does not apply to the track',
  })
  submitReview(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: SubmitReviewDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'SubmitReview',
      data: {
        applicationId,
        assessments: toAssessments(body.assessments),
        recommendation: body.recommendation,
        comment: body.comment,
      },
    } as const;
    return this.writes.execute(response, command, request);
  }

  @Post(':id/revision-requests')
  @Roles('program_officer')
  @ApiOperation({ summary: 'Send the application back to the municipality for revision' })
  @WriteResponses(APPLICATION)
  requestRevision(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: RequestRevisionDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = { type: 'RequestRevision', data: { applicationId, reason: body.reason } } as const;
    return this.writes.execute(response, command, request);
  }

  @Post(':id/resubmit')
  @Roles('municipality')
  @ApiOperation({
    summary: 'Resubmit after a revision: joins the round of this instant; a new review cycle starts',
  })
  @WriteResponses({
    ...fresh,
    ...APPLICATION,
    unprocessable: 'A funding rule or closed intake refuses it; every violation in errors[]',
  })
  resubmit(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    return this.writes.execute(response, { type: 'ResubmitApplication', data: { applicationId } }, request);
  }

  @Post(':id/decision')
  @Roles('program_officer')
  @ApiOperation({
    summary: 'Adopt or reject; adoption needs the quorum, a majority on every requirement, and budget',
  })
  @WriteResponses({
    ...fresh,
    ...APPLICATION,
    unprocessable: 'Adoption refused: quorum (minimum_reviews), majority, approved grant, or budget',
  })
  decide(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: DecideApplicationDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'DecideApplication',
      data: {
        applicationId,
        outcome: body.outcome,
        reason: body.reason,
        ...(body.approvedGrant === undefined ? {} : { approvedGrant: body.approvedGrant }),
      },
    } as const;
    return this.writes.execute(response, command, request);
  }
}
