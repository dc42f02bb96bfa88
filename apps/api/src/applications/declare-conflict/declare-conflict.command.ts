import type { WriteRequest } from '../../write/write-request';
import type { DeclareConflictDto } from './declare-conflict.dto';

export class DeclareConflictCommand {
  constructor(
    readonly applicationId: string,
    readonly request: WriteRequest,
    readonly body: DeclareConflictDto,
  ) {}
}
