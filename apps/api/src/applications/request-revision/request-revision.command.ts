import type { WriteRequest } from '../../write/write-request';
import type { RequestRevisionDto } from './request-revision.dto';

export class RequestRevisionCommand {
  constructor(
    readonly applicationId: string,
    readonly request: WriteRequest,
    readonly body: RequestRevisionDto,
  ) {}
}
