import type { Principal } from '../../auth/principal';

export class ApplicationSummaryQuery {
  constructor(
    readonly applicationId: string,
    readonly principal: Principal,
  ) {}
}
