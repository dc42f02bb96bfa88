import type { WriteRequest } from '../../write/write-request';
import type { AssignReviewerDto } from './assign-reviewer.dto';

export class AssignReviewerCommand {
  constructor(
    readonly applicationId: string,
    readonly request: WriteRequest,
    readonly body: AssignReviewerDto,
  ) {}
}
