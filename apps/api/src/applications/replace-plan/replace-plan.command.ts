import type { WriteRequest } from '../../write/write-request';
import type { PlanBodyDto } from '../dto/application-plan.dto';

export class ReplacePlanCommand {
  constructor(
    readonly applicationId: string,
    readonly request: WriteRequest,
    readonly body: PlanBodyDto,
  ) {}
}
