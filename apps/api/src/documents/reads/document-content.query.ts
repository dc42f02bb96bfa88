import type { Principal } from '../../auth/principal';

/** The bytes of one document, with its receipt. */
export class DocumentContentQuery {
  constructor(
    readonly applicationId: string,
    readonly documentId: string,
    readonly principal: Principal,
  ) {}
}
