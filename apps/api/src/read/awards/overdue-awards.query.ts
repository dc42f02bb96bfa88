import type { Principal } from '../../auth/principal';
import type { AwardsQueryDto } from './awards.dto';

/** A page of what is overdue on the award ledger, longest past due first, with the total. */
export class OverdueAwardsQuery {
  constructor(
    readonly principal: Principal,
    readonly filters: AwardsQueryDto,
  ) {}
}
