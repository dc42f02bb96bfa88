import type { Principal } from '../../auth/principal';
import type { ListDocumentsQueryDto } from './list-documents.dto';

export class ListDocumentsQuery {
  constructor(
    readonly applicationId: string,
    readonly page: ListDocumentsQueryDto,
    readonly principal: Principal,
  ) {}
}
