import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { WriteModule } from '../write/write.module';
import { ApplicationCommandsService } from './application-commands.service';
import { CreateApplicationController } from './create-application/create-application.controller';
import { CreateApplicationHandler } from './create-application/create-application.handler';
import { ReplacePlanController } from './replace-plan/replace-plan.controller';
import { ReplacePlanHandler } from './replace-plan/replace-plan.handler';
import { SubmitApplicationController } from './submit-application/submit-application.controller';
import { SubmitApplicationHandler } from './submit-application/submit-application.handler';
import { WithdrawApplicationController } from './withdraw-application/withdraw-application.controller';
import { WithdrawApplicationHandler } from './withdraw-application/withdraw-application.handler';
import { AssignReviewerController } from './assign-reviewer/assign-reviewer.controller';
import { AssignReviewerHandler } from './assign-reviewer/assign-reviewer.handler';
import { DeclareConflictController } from './declare-conflict/declare-conflict.controller';
import { DeclareConflictHandler } from './declare-conflict/declare-conflict.handler';
import { SubmitReviewController } from './submit-review/submit-review.controller';
import { SubmitReviewHandler } from './submit-review/submit-review.handler';
import { RequestRevisionController } from './request-revision/request-revision.controller';
import { RequestRevisionHandler } from './request-revision/request-revision.handler';
import { ResubmitApplicationController } from './resubmit-application/resubmit-application.controller';
import { ResubmitApplicationHandler } from './resubmit-application/resubmit-application.handler';
import { DecideApplicationController } from './decide-application/decide-application.controller';
import { DecideApplicationHandler } from './decide-application/decide-application.handler';

/** The application's write side: one folder per command (DTO, controller, command, handler). */
@Module({
  imports: [CqrsModule, WriteModule],
  controllers: [
    CreateApplicationController,
    ReplacePlanController,
    SubmitApplicationController,
    WithdrawApplicationController,
    AssignReviewerController,
    DeclareConflictController,
    SubmitReviewController,
    RequestRevisionController,
    ResubmitApplicationController,
    DecideApplicationController,
  ],
  providers: [
    ApplicationCommandsService,
    CreateApplicationHandler,
    ReplacePlanHandler,
    SubmitApplicationHandler,
    WithdrawApplicationHandler,
    AssignReviewerHandler,
    DeclareConflictHandler,
    SubmitReviewHandler,
    RequestRevisionHandler,
    ResubmitApplicationHandler,
    DecideApplicationHandler,
  ],
})
export class ApplicationsModule {}
