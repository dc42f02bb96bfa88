import type { UnstampedCommand } from '@l10k/domain';
import type { WriteRequest } from './write-request';

/** The one command the bus carries: any domain command, with what the HTTP request adds. */
export class ExecuteCommand {
  constructor(
    readonly command: UnstampedCommand,
    readonly request: WriteRequest,
    /** 201 for a creation, else 200. */
    readonly successStatus = 200,
  ) {}
}
