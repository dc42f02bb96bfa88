import type { Principal } from '../auth/principal';

/** The application as it was at an instant or a revision, folded from its own events. */
export class ApplicationStateQuery {
  constructor(
    readonly applicationId: string,
    readonly principal: Principal,
    readonly asOf?: Date,
    readonly revision?: number,
  ) {}
}
