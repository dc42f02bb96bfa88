import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { toApplicationPlan } from '../applications/dto/to-application-plan';
import { Roles } from '../auth/roles.decorator';
import { ApplicationIdPipe, UuidPipe } from '../params/uuid.pipe';
import { ApplicationView } from '../views/application.view';
import { newIdFor } from '../write/new-id';
import { Write } from '../write/write-request.decorator';
import type { WriteRequest } from '../write/write-request';
import { WriteResponses } from '../write/write-responses.decorator';
import { Writes } from '../write/writes.service';
import { AbandonmentDto } from './dto/abandonment.dto';
import { AmountConfirmationDto } from './dto/amount-confirmation.dto';
import { toConfirmAmount } from './dto/to-confirm-amount';
import { GrantApplicationDto } from './dto/grant-application.dto';
import { GrantDecisionDto } from './dto/grant-decision.dto';
import { PaymentDto } from './dto/payment.dto';
import { PerformanceReportDto } from './dto/performance-report.dto';
import { PlanChangeDecisionDto } from './dto/plan-change-decision.dto';
import { PlanChangeDto } from './dto/plan-change.dto';
import { fresh } from '@l10k/rules';

const APPLICATION = { view: ApplicationView, resource: 'application' } as const;
const STATUS_ORDER = 'The application is not at this step (交付申請 → 交付決定 → 実績報告 → 額の確定 → 支払)';

/**
 * The grant's life after adoption (API.md, "After adoption"): each route turns its DTO into
 * a domain command; the one write pipeline decides it, and books the fiscal year's side
 * (decided, released, confirmed, paid) in the same atomic append.
 */
@ApiTags('after adoption')
@Controller('v1/applications')
export class AwardWritesController {
  constructor(private readonly writes: Writes) {}

  @Post(':id/grant-application')
  @Roles('municipality')
  @ApiOperation({ summary: '交付申請: apply for at most the approved grant; due 30 days after adoption' })
  @WriteResponses({
    ...fresh,
    ...APPLICATION,
    conflict: STATUS_ORDER,
    unprocessable: 'More than the approved grant (grant_within_approved)',
  })
  applyForGrant(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: GrantApplicationDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'ApplyForGrant',
      data: { applicationId, amount: body.amount, documents: body.documents ?? [] },
    } as const;
    return this.writes.execute(response, command, request);
  }

  @Post(':id/grant-decision')
  @Roles('program_officer')
  @ApiOperation({
    summary:
      '交付決定: at most the amount applied for; the national share is recomputed and the difference released',
  })
  @WriteResponses({
    ...fresh,
    ...APPLICATION,
    conflict: STATUS_ORDER,
    unprocessable: 'More than applied for (grant_within_application)',
  })
  decideGrant(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: GrantDecisionDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'DecideGrant',
      data: { applicationId, grant: body.grant, conditions: body.conditions },
    } as const;
    return this.writes.execute(response, command, request);
  }

  @Post(':id/plan-changes')
  @Roles('municipality')
  @ApiOperation({
    summary:
      '計画変更: a minor change takes effect at once (notified); a material one waits for approval (change_requested)',
  })
  @WriteResponses({
    ...fresh,
    ...APPLICATION,
    conflict: 'Not after the grant decision, or another change is waiting',
    unprocessable:
      'The changed plan breaks a funding rule, or raises the decided grant (decided_grant_not_increased)',
  })
  changePlan(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: PlanChangeDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'ChangePlan',
      data: {
        applicationId,
        changeId: newIdFor(request, 'plan-change-id'),
        plan: toApplicationPlan(body.plan),
        reason: body.reason,
        documents: body.documents ?? [],
      },
    } as const;
    return this.writes.execute(response, command, request);
  }

  @Post(':id/plan-changes/:changeId/decision')
  @Roles('program_officer')
  @ApiOperation({
    summary: 'Approve or refuse a waiting change; an approved abandonment releases the whole commitment',
  })
  @WriteResponses({ ...fresh, ...APPLICATION, conflict: 'No such change is waiting for a decision' })
  decidePlanChange(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Param('changeId', new UuidPipe('changeId', 'a plan change id')) changeId: string,
    @Body() body: PlanChangeDecisionDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'DecidePlanChange',
      data: { applicationId, changeId, outcome: body.outcome, reason: body.reason },
    } as const;
    return this.writes.execute(response, command, request);
  }

  @Post(':id/abandonment')
  @Roles('municipality')
  @ApiOperation({ summary: '中止・廃止: asks to abandon; the officer decides it like a plan change' })
  @WriteResponses({ ...fresh, ...APPLICATION, conflict: STATUS_ORDER })
  requestAbandonment(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: AbandonmentDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'RequestAbandonment',
      data: { applicationId, changeId: newIdFor(request, 'plan-change-id'), reason: body.reason },
    } as const;
    return this.writes.execute(response, command, request);
  }

  @Post(':id/performance-report')
  @Roles('municipality')
  @ApiOperation({
    summary:
      '実績報告: actual costs and financing, the grant paid, completion; due a month after completion or 10 April',
  })
  @WriteResponses({ ...fresh, ...APPLICATION, conflict: STATUS_ORDER })
  reportPerformance(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: PerformanceReportDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'ReportPerformance',
      data: {
        applicationId,
        actualCosts: body.actualCosts.map(({ category, amount, description }) => ({
          category,
          amount,
          ...(description === undefined ? {} : { description }),
        })),
        actualFinancing: {
          loan: {
            amount: body.actualFinancing.loan.amount,
            lenderType: body.actualFinancing.loan.lenderType,
            ...(body.actualFinancing.loan.form === undefined ? {} : { form: body.actualFinancing.loan.form }),
          },
          ownFunds: body.actualFinancing.ownFunds,
        },
        grantPaid: body.grantPaid,
        completedOn: body.completedOn,
        documents: body.documents ?? [],
      },
    } as const;
    return this.writes.execute(response, command, request);
  }

  @Post(':id/amount-confirmation')
  @Roles('program_officer')
  @ApiOperation({
    summary:
      '額の確定: the decided rule set on the actual figures; the least of decided, paid and allowed, with plan vs actual',
  })
  @WriteResponses({
    ...fresh,
    ...APPLICATION,
    conflict: STATUS_ORDER,
    unprocessable: 'A given grant is not lower than computed',
  })
  confirmAmount(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: AmountConfirmationDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    return this.writes.execute(response, toConfirmAmount(applicationId, body), request);
  }

  @Post(':id/payments')
  @Roles('program_officer')
  @ApiOperation({ summary: '精算払: never above the confirmed national share in all' })
  @WriteResponses({
    ...fresh,
    ...APPLICATION,
    conflict: STATUS_ORDER,
    unprocessable: 'Above the confirmed national share (payment_within_confirmed_share)',
  })
  recordPayment(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: PaymentDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ApplicationView> {
    const command = {
      type: 'RecordPayment',
      data: { applicationId, amount: body.amount, paidOn: body.paidOn },
    } as const;
    return this.writes.execute(response, command, request);
  }
}
