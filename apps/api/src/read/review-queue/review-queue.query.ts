import type { Principal } from '../../auth/principal';

export class ReviewQueueQuery {
  constructor(
    readonly principal: Principal,
    readonly round?: string,
  ) {}
}
