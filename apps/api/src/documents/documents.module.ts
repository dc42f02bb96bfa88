import { join } from 'node:path';
import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '@l10k/config';
import { WriteModule } from '../write/write.module';
import { DocumentUploads } from './document-uploads.service';
import { DocumentsController } from './documents.controller';
import { DocumentContentHandler } from './reads/document-content.handler';
import { ListDocumentsHandler } from './reads/list-documents.handler';
import { DOCUMENT_STORE, type DocumentStore } from './storage/document-store';
import { FilesystemDocumentStore } from './storage/filesystem-document-store';

/** Attachments: the routes, the upload path, the reads, and the document store (DATA_DIR/documents). */
@Module({
  imports: [CqrsModule, WriteModule],
  controllers: [DocumentsController],
  providers: [
    {
      provide: DOCUMENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new FilesystemDocumentStore(join(config.dataDir, 'documents')),
    },
    DocumentUploads,
    ListDocumentsHandler,
    DocumentContentHandler,
  ],
})
export class DocumentsModule implements OnApplicationBootstrap {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore) {}

  /**
   * Uploads a crash cut short leave a temporary file; a day later no upload can still be writing
   * it. Compared with the file system's own clock (the files' mtimes), not the API's clock.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.store instanceof FilesystemDocumentStore)
      await this.store.removeAbandonedUploads(new Date(), 24 * 60 * 60 * 1000);
  }
}
