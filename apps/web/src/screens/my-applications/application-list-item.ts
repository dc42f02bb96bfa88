import { integer, record, records, text } from '../../api/read-fields';

/** What a line of "my applications" shows, read from GET /v1/applications's items. */
export interface ApplicationListItem {
  readonly id: string;
  readonly status: string;
  readonly projectTitle?: string;
  readonly businessName?: string;
  readonly round?: string;
  readonly fiscalYear?: number;
  /** Its round's deadline (ISO-8601 with Japan's offset); none for a draft. */
  readonly deadline?: string;
  readonly requestedGrant?: number;
  readonly nationalShare?: number;
  readonly decisionDueDate?: string;
}

export interface ApplicationListPage {
  readonly items: readonly ApplicationListItem[];
  readonly nextCursor?: string;
}

export function toApplicationListPage(answer: unknown): ApplicationListPage {
  const page = record(answer);
  return {
    items: records(page.items).map((item) => ({
      id: text(item.id) ?? '',
      status: text(item.status) ?? '',
      projectTitle: text(item.projectTitle),
      businessName: text(item.businessName),
      round: text(item.round),
      fiscalYear: integer(item.fiscalYear),
      deadline: text(item.deadline),
      requestedGrant: integer(item.requestedGrant),
      nationalShare: integer(item.nationalShare),
      decisionDueDate: text(item.decisionDueDate),
    })),
    nextCursor: text(page.nextCursor),
  };
}
