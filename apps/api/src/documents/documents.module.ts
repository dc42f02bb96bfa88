import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '@l10k/config';
import { WriteModule } from '../write/write.module';
import { DocumentUploads } from './document-uploads.service';
import { DocumentsController } from './documents.controller';
import { DocumentContentHandler } from './reads/document-content.handler';
import { ListDocumentsHandler } from './reads/list-documents.handler';
import { DOCUMENT_STORE } from './storage/document-store';
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
export class DocumentsModule {}
