import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ApplicationStateController } from '../application-state/application-state.controller';
import { ApplicationStateHandler } from '../application-state/application-state.handler';
import { ExportController } from './export.controller';
import { VerificationController } from './verification.controller';

/** The auditor's tools: history replayed from the store itself, chain verification, export. */
@Module({
  imports: [CqrsModule],
  controllers: [ApplicationStateController, VerificationController, ExportController],
  providers: [ApplicationStateHandler],
})
export class AuditModule {}
