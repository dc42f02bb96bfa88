import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApplicationPlanDto } from '../applications/dto/application-plan.dto';
import { ActualFinancingDto } from '../awards/dto/performance-report.dto';
import { CostItemDto } from '../funding/dto/funding-plan.dto';
import { FundingFiguresView } from './funding-figures.view';

export class DocumentRefView {
  @ApiProperty() name: string;
  @ApiProperty() sha256: string;
  @ApiProperty({ type: 'integer' }) size: number;
}

export class GrantApplicationView {
  @ApiProperty({ type: 'integer' }) amount: number;
  @ApiProperty({ type: [DocumentRefView] }) documents: DocumentRefView[];
  @ApiProperty({ description: 'Filed after its due date' }) late: boolean;
  @ApiProperty({ format: 'date-time' }) appliedAt: string;
  @ApiProperty() appliedBy: string;
}

export class GrantDecisionView {
  @ApiProperty({ type: 'integer' }) grant: number;
  @ApiProperty() conditions: string;
  @ApiProperty({ type: FundingFiguresView }) funding: FundingFiguresView;
  @ApiProperty({ type: 'integer', description: 'Returned to the fiscal year’s budget' }) released: number;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty() decidedBy: string;
}

export class CostMoveView {
  @ApiProperty() category: string;
  @ApiProperty({ type: 'integer' }) planned: number;
  @ApiProperty({ type: 'integer' }) changed: number;
  @ApiProperty({ description: 'Moved by more than minorChangeRatio' }) material: boolean;
}

export class PlanChangeDecisionView {
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty() decidedBy: string;
}

export class PlanChangeView {
  @ApiProperty({ format: 'uuid' }) changeId: string;
  @ApiProperty({ enum: ['minor', 'change', 'abandonment'] }) kind: string;
  @ApiProperty() reason: string;
  @ApiProperty({
    type: [String],
    enum: ['cost_category_moved', 'completion_leaves_fiscal_year', 'business_changed', 'purpose_changed'],
    description: 'Why it needs approval; empty for a minor change',
  })
  grounds: string[];
  @ApiProperty({ type: [CostMoveView] }) costMoves: CostMoveView[];
  @ApiProperty({ type: [DocumentRefView] }) documents: DocumentRefView[];
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty() requestedBy: string;
  @ApiProperty({ enum: ['notified', 'pending', 'approved', 'refused'] }) outcome: string;
  @ApiPropertyOptional({
    type: ApplicationPlanDto,
    description:
      'The plan a change asks for (not for a minor change), as it was sent: the fiscal strength index a number',
  })
  plan?: ApplicationPlanDto;
  @ApiPropertyOptional({ type: PlanChangeDecisionView, description: 'Once approved or refused' })
  decision?: PlanChangeDecisionView;
}

export class PlannedActualView {
  @ApiProperty({ type: 'integer' }) planned: number;
  @ApiProperty({ type: 'integer' }) actual: number;
}

export class CategoryPlannedActualView extends PlannedActualView {
  @ApiProperty() category: string;
}

export class CompletionPlannedActualView {
  @ApiProperty({ format: 'date' }) planned: string;
  @ApiProperty({ format: 'date' }) actual: string;
}

export class PlanVsActualView {
  @ApiProperty({ type: PlannedActualView }) totalCost: PlannedActualView;
  @ApiProperty({ type: PlannedActualView }) eligibleCost: PlannedActualView;
  @ApiProperty({ type: PlannedActualView }) loan: PlannedActualView;
  @ApiProperty({ type: PlannedActualView }) ownFunds: PlannedActualView;
  @ApiProperty({
    type: PlannedActualView,
    description: 'Planned: the decided grant; actual: what was paid the business',
  })
  grant: PlannedActualView;
  @ApiProperty({ type: PlannedActualView }) nationalShare: PlannedActualView;
  @ApiProperty({ type: PlannedActualView }) specialTaxShare: PlannedActualView;
  @ApiProperty({ type: PlannedActualView }) municipalShare: PlannedActualView;
  @ApiProperty({ type: CompletionPlannedActualView }) completion: CompletionPlannedActualView;
  @ApiProperty({ type: [CategoryPlannedActualView] }) costsByCategory: CategoryPlannedActualView[];
}

export class PerformanceReportView {
  @ApiProperty({ type: [CostItemDto], description: 'Actual costs per category, as reported' })
  actualCosts: CostItemDto[];
  @ApiProperty({ type: ActualFinancingDto, description: 'The financing actually drawn, as reported' })
  actualFinancing: ActualFinancingDto;
  @ApiProperty({ type: 'integer' }) grantPaid: number;
  @ApiProperty({ format: 'date' }) completedOn: string;
  @ApiProperty({ type: [DocumentRefView] }) documents: DocumentRefView[];
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty() late: boolean;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty() reportedBy: string;
}

export class AmountConfirmationView {
  @ApiProperty({ type: 'integer', description: 'The fiscal year the confirmation counts in' })
  fiscalYear: number;
  @ApiProperty({ description: 'The rule set the confirmed figures were computed with' }) ruleSetId: string;
  @ApiProperty({ type: 'integer' }) decidedGrant: number;
  @ApiProperty({ type: 'integer' }) grantPaid: number;
  @ApiProperty({ type: 'integer', description: 'The largest grant the actual figures allow' })
  largestAllowed: number;
  @ApiProperty({ type: 'integer' }) confirmedGrant: number;
  @ApiProperty({
    enum: [
      'decided_grant',
      'grant_paid',
      'grant_within_half_of_eligible_cost',
      'loan_at_least_grant',
      'grant_within_cap',
      'officer_reduction',
    ],
  })
  limitedBy: string;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty({ type: FundingFiguresView, description: 'The confirmed split' }) funding: FundingFiguresView;
  @ApiProperty({ type: PlanVsActualView }) planVsActual: PlanVsActualView;
  @ApiProperty({ type: 'integer' }) released: number;
  @ApiProperty({ type: 'integer', description: 'Paid beyond the confirmed share (返還)' }) refundDue: number;
  @ApiProperty({ format: 'date-time' }) confirmedAt: string;
  @ApiProperty() confirmedBy: string;
}

export class PaymentView {
  @ApiProperty({ type: 'integer' }) amount: number;
  @ApiProperty({ format: 'date' }) paidOn: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

/** The grant's life after adoption. */
export class AwardView {
  @ApiProperty({ format: 'date', description: '交付申請 due (Japan time)' }) grantApplicationDueDate: string;
  @ApiProperty({ type: 'integer', description: 'National share the budget holds for it now' })
  commitment: number;
  @ApiPropertyOptional({ type: GrantApplicationView }) grantApplication?: GrantApplicationView;
  @ApiPropertyOptional({ type: GrantDecisionView }) grantDecision?: GrantDecisionView;
  @ApiProperty({ type: [PlanChangeView] }) changes: PlanChangeView[];
  @ApiPropertyOptional({ type: PerformanceReportView }) report?: PerformanceReportView;
  @ApiPropertyOptional({ type: AmountConfirmationView }) confirmation?: AmountConfirmationView;
  @ApiProperty({ type: [PaymentView] }) payments: PaymentView[];
  @ApiProperty({ type: 'integer' }) paid: number;
  @ApiProperty({ type: 'integer' }) refundDue: number;
  @ApiPropertyOptional({ format: 'date-time' }) abandonedAt?: string;
}
