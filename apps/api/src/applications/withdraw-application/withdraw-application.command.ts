import type { WriteRequest } from '../../write/write-request';
import type { WithdrawApplicationDto } from './withdraw-application.dto';

export class WithdrawApplicationCommand {
  constructor(
    readonly applicationId: string,
    readonly request: WriteRequest,
    readonly body: WithdrawApplicationDto,
  ) {}
}
