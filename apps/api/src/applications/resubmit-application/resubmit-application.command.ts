import type { WriteRequest } from '../../write/write-request';

export class ResubmitApplicationCommand {
  constructor(
    readonly applicationId: string,
    readonly request: WriteRequest,
  ) {}
}
