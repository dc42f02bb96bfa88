import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ApplicationStateController } from '../application-state/application-state.controller';
import { ApplicationStateHandler } from '../application-state/application-state.handler';
import { ExportController } from './export.controller';
import { PlanVsActualController } from './plan-vs-actual.controller';
import { VerificationController } from './verification.controller';

/** The auditor's tools: history replayed from the store itself, chain verification, export, plan vs actual. */
@Module({
  imports: [CqrsModule],
  controllers: [ApplicationStateController, VerificationController, ExportController, PlanVsActualController],
  providers: [ApplicationStateHandler],
})
export class AuditModule {}
