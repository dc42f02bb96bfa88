import type { WriteRequest } from '../../write/write-request';
import type { DecideApplicationDto } from './decide-application.dto';

export class DecideApplicationCommand {
  constructor(
    readonly applicationId: string,
    readonly request: WriteRequest,
    readonly body: DecideApplicationDto,
  ) {}
}
