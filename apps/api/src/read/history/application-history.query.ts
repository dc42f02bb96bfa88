import type { Principal } from '../../auth/principal';
import type { PageQueryDto } from '../paging/page-query.dto';

export class ApplicationHistoryQuery {
  constructor(
    readonly applicationId: string,
    readonly principal: Principal,
    readonly page: PageQueryDto = {},
  ) {}
}
