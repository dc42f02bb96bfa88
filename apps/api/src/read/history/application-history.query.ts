import type { Principal } from '../../auth/principal';

export class ApplicationHistoryQuery {
  constructor(
    readonly applicationId: string,
    readonly principal: Principal,
  ) {}
}
