import type { WriteRequest } from '../../write/write-request';

export class SubmitApplicationCommand {
  constructor(
    readonly applicationId: string,
    readonly request: WriteRequest,
  ) {}
}
