import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AppConfig, InjectConfig } from '@l10k/config';
import { EVENT_STORE, type EventStore } from '@l10k/eventstore';
import { invalidRequest } from '../../problem-details';
import { decodeCursor, encodeCursor, isInstant } from '../../read/paging/keyset-cursor';
import type { DocumentListView } from '../../views/document.view';
import { visibleDocuments } from './application-documents';
import { ListDocumentsQuery } from './list-documents.query';

const DEFAULT_LIMIT = 50;

/**
 * An application's documents in the order received, a page at a time; the cursor is the last
 * one's (receivedAt, documentId). The page also says how many there are in all, and how large
 * a file an upload takes.
 */
@QueryHandler(ListDocumentsQuery)
export class ListDocumentsHandler implements IQueryHandler<ListDocumentsQuery, DocumentListView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async execute({ applicationId, page, principal }: ListDocumentsQuery): Promise<DocumentListView> {
    const documents = await visibleDocuments(this.store, applicationId, principal);
    let start = 0;
    if (page.cursor !== undefined) {
      const after = decodeCursor(page.cursor, isInstant);
      const index = documents.findIndex(
        (document) => document.documentId === after.id && document.receivedAt === after.key,
      );
      if (index < 0)
        throw invalidRequest(
          'cursor',
          'cursor',
          'cursor must be a nextCursor from an earlier page of this list',
        );
      start = index + 1;
    }
    const limit = page.limit ?? DEFAULT_LIMIT;
    const items = documents.slice(start, start + limit).map((document) => ({ ...document }));
    const last = items[items.length - 1];
    const more = start + limit < documents.length;
    return {
      items,
      nextCursor: more && last ? encodeCursor({ key: last.receivedAt, id: last.documentId }) : null,
      total: documents.length,
      maxBytes: this.config.documentMaxBytes,
    };
  }
}
