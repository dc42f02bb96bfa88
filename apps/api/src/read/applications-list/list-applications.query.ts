import type { Principal } from '../../auth/principal';
import type { ListApplicationsQueryDto } from './list-applications.dto';

export class ListApplicationsQuery {
  constructor(
    readonly filters: ListApplicationsQueryDto,
    readonly principal: Principal,
  ) {}
}
