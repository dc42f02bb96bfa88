import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { AttachedDocument } from '@l10k/domain';
import { EVENT_STORE, type EventStore } from '@l10k/eventstore';
import { ProblemException, problem } from '../../problem-details';
import { DOCUMENT_STORE, type DocumentStore, type StoredDocument } from '../storage/document-store';
import { visibleDocuments } from './application-documents';
import { DocumentContentQuery } from './document-content.query';
import { fresh } from '@l10k/rules';

export interface DocumentContent extends StoredDocument {
  readonly document: AttachedDocument;
}

const documentNotFound = () =>
  new ProblemException(
    problem(
      404,
      'No such document.',
      [{ field: 'documentId', rule: 'exists', message: 'the application has no document with this id' }],
      'not-found',
    ),
  );

@QueryHandler(DocumentContentQuery)
export class DocumentContentHandler implements IQueryHandler<DocumentContentQuery, DocumentContent> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
  ) {}

  async execute({ applicationId, documentId, principal }: DocumentContentQuery): Promise<DocumentContent> {
    const attached = await visibleDocuments(this.store, applicationId, principal);
    const document = attached.find((candidate) => candidate.documentId === documentId);
    if (!document) throw documentNotFound();
    const stored = await this.documents.open(document.sha256);
    // The event is appended only after the bytes are durably in place: a missing file is damage, not a 404.
    if (!stored || stored.size !== document.size) {
      stored?.stream.destroy();
      throw new Error(
        `document ${documentId} (${document.sha256}) is missing from the document store or has changed size`,
      );
    }
    return { ...fresh, ...stored, document };
  }
}
