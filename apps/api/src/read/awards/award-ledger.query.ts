import type { Principal } from '../../auth/principal';
import type { AwardsQueryDto } from './awards.dto';

/** A page of the award ledger, newest adoption first. */
export class AwardLedgerQuery {
  constructor(
    readonly principal: Principal,
    readonly filters: AwardsQueryDto,
  ) {}
}
